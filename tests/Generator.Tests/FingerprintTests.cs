using OciRaw.Generator.Incrementality;

namespace OciRaw.Generator.Tests;

/// <summary>
/// A fingerprint is equal exactly when the same values were added in the same order, however the values fall across the
/// builder's 64 KB blocks: snapshots compare them to decide whether an interface is parsed again.
/// </summary>
public sealed class FingerprintTests
{
    [Fact]
    public void The_same_values_give_the_same_fingerprint_across_block_boundaries()
    {
        string[] values = Values(seed: 1);

        Assert.Equal(Of(values), Of(values));
        Assert.Equal(Of(values).GetHashCode(), Of(values).GetHashCode());
    }

    [Fact]
    public void Any_change_gives_another_fingerprint()
    {
        string[] values = Values(seed: 2);
        Fingerprint original = Of(values);

        // One character anywhere, including deep inside a string longer than a block, and in the last value.
        foreach (int index in new[] { 0, 3, 7, values.Length / 2, values.Length - 1 })
        {
            string[] changed = (string[])values.Clone();
            char[] text = changed[index].ToCharArray();
            int at = text.Length / 2;
            text[at] = text[at] == 'x' ? 'y' : 'x';
            changed[index] = new string(text);
            Assert.NotEqual(original, Of(changed));
        }

        // The same characters split differently between values: lengths are part of what is hashed.
        Assert.NotEqual(Of(["ab", "c"]), Of(["a", "bc"]));
        Assert.NotEqual(Of(["abc"]), Of(["abc", ""]));

        // A character whose two bytes differ only in the high byte (code units are hashed whole).
        Assert.NotEqual(Of(["\u0041"]), Of(["\u0141"]));
    }

    private static Fingerprint Of(IEnumerable<string> values)
    {
        using var builder = new Fingerprint.Builder();
        foreach (string value in values)
        {
            builder.Add(value.Length % 7);
            builder.Add(value);
        }

        return builder.Finish();
    }

    /// <summary>Short and long strings (one of 100,000 characters, more than a block), so values straddle block ends.</summary>
    private static string[] Values(int seed)
    {
        var random = new Random(seed);
        var values = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            int length = i == 7 ? 100_000 : random.Next(0, 700);
            values.Add(new string(Enumerable.Range(0, length).Select(_ => (char)random.Next(32, 0x3000)).ToArray()));
        }

        return [.. values];
    }
}
