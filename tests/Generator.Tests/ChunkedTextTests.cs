using System.Text;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Emitting;

namespace OciRaw.Generator.Tests;

/// <summary>
/// The generated text is written into chunks and handed to Roslyn as they are: whatever was appended and cut back,
/// across chunk boundaries, must read back exactly as the same text in one string would.
/// </summary>
public sealed class ChunkedTextTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 2_000)]
    [InlineData(3, 20_000)]
    public void Reads_back_what_was_appended_and_cut_back(int seed, int operations)
    {
        var random = new Random(seed);
        var chunked = new ChunkedText();
        var expected = new StringBuilder();
        for (int i = 0; i < operations; i++)
        {
            switch (random.Next(10))
            {
                case 0 when expected.Length > 0:
                    int cut = random.Next(Math.Max(0, expected.Length - ChunkedText.ChunkSize - 10), expected.Length + 1);
                    chunked.Length = cut;
                    expected.Length = cut;
                    break;
                case 1:
                    int repeat = random.Next(0, ChunkedText.ChunkSize / 8);
                    chunked.Append(' ', repeat);
                    expected.Append(' ', repeat);
                    break;
                case 2:
                    char c = (char)('a' + random.Next(26));
                    chunked.Append(c);
                    expected.Append(c);
                    break;
                default:
                    string text = new string((char)('A' + random.Next(26)), random.Next(0, 300)) + "\n";
                    chunked.Append(text);
                    expected.Append(text);
                    break;
            }

            Assert.Equal(expected.Length, chunked.Length);
        }

        Assert.Equal(expected.ToString(), chunked.ToString());
        AssertSameText(SourceText.From(expected.ToString(), Encoding.UTF8), chunked.ToSourceText(), random);
    }

    [Fact]
    public void A_text_of_several_chunks_reads_the_same()
    {
        var chunked = new ChunkedText();
        string line = string.Concat(Enumerable.Repeat("0123456789", 10)) + "\n";
        var expected = new StringBuilder();
        while (expected.Length < 3 * ChunkedText.ChunkSize + 17)
        {
            chunked.Append(line);
            expected.Append(line);
        }

        SourceText text = chunked.ToSourceText();
        Assert.Equal(Encoding.UTF8, text.Encoding);
        AssertSameText(SourceText.From(expected.ToString(), Encoding.UTF8), text, new Random(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => text[text.Length]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(text.Length - 1, new char[2], 0, 2));
    }

    [Fact]
    public void A_text_with_a_wider_character_reads_back_as_written()
    {
        var chunked = new ChunkedText();
        string text = new string('x', ChunkedText.ChunkSize + 5) + "/// Größe: 東京 \U0001F600 \uD83D\uDE00\n";
        chunked.Append(text);

        AssertSameText(SourceText.From(text, Encoding.UTF8), chunked.ToSourceText(), new Random(5));
    }

    [Fact]
    public void The_next_text_on_the_thread_reuses_the_chunks_without_their_old_content()
    {
        var first = new ChunkedText();
        first.Append(new string('a', 3 * ChunkedText.ChunkSize));
        Assert.Equal(3 * ChunkedText.ChunkSize, first.ToSourceText().Length);

        var second = new ChunkedText();
        second.Append("short\n");
        second.Append('b', ChunkedText.ChunkSize);
        second.Length = 6;

        Assert.Equal("short\n", second.ToSourceText().ToString());
    }

    [Fact]
    public void Cannot_grow_by_setting_the_length()
    {
        var chunked = new ChunkedText();
        chunked.Append("abc");

        Assert.Throws<ArgumentOutOfRangeException>(() => chunked.Length = 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => chunked.Length = -1);
    }

    private static void AssertSameText(SourceText expected, SourceText actual, Random random)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.ToString(), actual.ToString());
        Assert.True(expected.ContentEquals(actual));
        Assert.Equal(expected.Lines.Count, actual.Lines.Count);
        Assert.Equal(expected.GetChecksum().ToArray(), actual.GetChecksum().ToArray());
        for (int i = 0; i < 200 && expected.Length > 0; i++)
        {
            int start = random.Next(expected.Length);
            int length = random.Next(Math.Min(expected.Length - start, 3 * ChunkedText.ChunkSize) + 1);
            var span = new TextSpan(start, length);
            Assert.Equal(expected.ToString(span), actual.ToString(span));
            Assert.Equal(expected[start], actual[start]);
        }
    }
}
