using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// The text a <see cref="SourceWriter"/> writes, in arrays of <see cref="ChunkSize"/> characters that the next writer on
/// the thread reuses, and the <see cref="SourceText"/> made of it: one byte per character when the text is ASCII, as
/// generated code nearly always is.
/// </summary>
/// <remarks>
/// The whole of OCI is some 150 million characters of generated code, and the driver keeps every generated text to the
/// end of the run. Held as UTF-16 (Roslyn's own texts), that was 300 MB that every garbage collection of the run had to
/// mark and move, and the collections were half of the generator's CPU time. As ASCII it is half of that, written once
/// into arrays no collection moves early (64 KB each, under the large object heap's 85,000 bytes). Roslyn reads a
/// text through <see cref="SourceText.CopyTo"/>, which widens the bytes back to characters.
/// </remarks>
internal sealed class ChunkedText
{
    /// <summary>32K characters: 64 KB, under the large object heap's 85,000 bytes.</summary>
    internal const int ChunkSize = 32 * 1024;

    [ThreadStatic]
    private static List<char[]>? s_spareChunks;

    // Chunks [0, _current] hold the text; the ones after are spares from an earlier, longer text.
    private readonly List<char[]> _chunks;
    private int _current;
    private int _used;
    private int _length;

    public ChunkedText()
    {
        _chunks = s_spareChunks ?? new List<char[]> { new char[ChunkSize] };
        s_spareChunks = null;
    }

    /// <summary>The characters written; setting a smaller value drops the ones after it (a rewind).</summary>
    public int Length
    {
        get => _length;
        set
        {
            if (value < 0 || value > _length)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A text can only be cut back.");
            }

            _current = value == 0 ? 0 : (value - 1) / ChunkSize;
            _used = value - _current * ChunkSize;
            _length = value;
        }
    }

    public void Append(string? text)
    {
        if (text is null)
        {
            return;
        }

        for (int start = 0; start < text.Length;)
        {
            int count = Math.Min(text.Length - start, Room());
            text.CopyTo(start, _chunks[_current], _used, count);
            _used += count;
            _length += count;
            start += count;
        }
    }

    public void Append(char c)
    {
        Room();
        _chunks[_current][_used++] = c;
        _length++;
    }

    public void Append(char c, int repeat)
    {
        for (int left = repeat; left > 0;)
        {
            int count = Math.Min(left, Room());
            char[] chunk = _chunks[_current];
            for (int i = 0; i < count; i++)
            {
                chunk[_used + i] = c;
            }

            _used += count;
            _length += count;
            left -= count;
        }
    }

    /// <summary>The text, once: the chunks go back to the thread for the next writer, and this one must not be used again.</summary>
    public SourceText ToSourceText()
    {
        SourceText text = IsAscii() ? new AsciiText(ToBytes(), _length) : SourceText.From(ToString(), Encoding.UTF8);
        _length = _current = _used = 0;
        s_spareChunks = _chunks;
        return text;
    }

    public override string ToString()
    {
        var text = new StringBuilder(_length);
        ForEachPart((chunk, count) => text.Append(chunk, 0, count));
        return text.ToString();
    }

    /// <summary>Free characters in the current chunk, after moving to the next (a spare, or a new one) when it is full.</summary>
    private int Room()
    {
        if (_used == ChunkSize)
        {
            _current++;
            if (_current == _chunks.Count)
            {
                _chunks.Add(new char[ChunkSize]);
            }

            _used = 0;
        }

        return ChunkSize - _used;
    }

    /// <summary>Each chunk in use with how many of its characters are text.</summary>
    private void ForEachPart(Action<char[], int> part)
    {
        for (int i = 0; i <= _current; i++)
        {
            part(_chunks[i], i == _current ? _used : ChunkSize);
        }
    }

    private bool IsAscii()
    {
        // UTF-8 takes one byte per character exactly when every character is ASCII (the runtime counts vectorized).
        bool ascii = true;
        ForEachPart((chunk, count) => ascii &= Encoding.UTF8.GetByteCount(chunk, 0, count) == count);
        return ascii;
    }

    private byte[][] ToBytes()
    {
        var chunks = new byte[(_length + AsciiText.ChunkSize - 1) / AsciiText.ChunkSize][];
        int position = 0;
        ForEachPart((chunk, count) =>
        {
            for (int start = 0; start < count;)
            {
                int index = position / AsciiText.ChunkSize;
                int offset = position % AsciiText.ChunkSize;
                chunks[index] ??= new byte[Math.Min(AsciiText.ChunkSize, _length - index * AsciiText.ChunkSize)];
                int take = Math.Min(count - start, AsciiText.ChunkSize - offset);
                Encoding.ASCII.GetBytes(chunk, start, take, chunks[index], offset);
                start += take;
                position += take;
            }
        });
        return chunks;
    }

    /// <summary>An ASCII text, a byte per character, in chunks of <see cref="ChunkSize"/> (every chunk full but the last).</summary>
    private sealed class AsciiText : SourceText
    {
        /// <summary>64 KB, under the large object heap's 85,000 bytes.</summary>
        internal const int ChunkSize = 64 * 1024;

        private readonly byte[][] _chunks;
        private readonly int _length;

        public AsciiText(byte[][] chunks, int length)
            : base(checksumAlgorithm: SourceHashAlgorithm.Sha1)
        {
            _chunks = chunks;
            _length = length;
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override int Length => _length;

        public override char this[int position] =>
            position >= 0 && position < _length ? (char)_chunks[position / ChunkSize][position % ChunkSize] : throw new ArgumentOutOfRangeException(nameof(position));

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            while (count > 0)
            {
                int offset = sourceIndex % ChunkSize;
                int take = Math.Min(count, ChunkSize - offset);
                Encoding.ASCII.GetChars(_chunks[sourceIndex / ChunkSize], offset, take, destination, destinationIndex);
                sourceIndex += take;
                destinationIndex += take;
                count -= take;
            }
        }
    }
}
