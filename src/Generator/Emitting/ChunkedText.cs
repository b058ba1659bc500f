using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// The text a <see cref="SourceWriter"/> writes, in arrays of at most <see cref="ChunkSize"/> characters, which become
/// the generated <see cref="SourceText"/> as they are.
/// </summary>
/// <remarks>
/// The whole of OCI is some 150 million characters of generated code. Written into one buffer and handed to Roslyn, each
/// file was copied once more into Roslyn's own chunks (a tenth of the generator's time). Here the arrays written into
/// are the text's: a file of one chunk becomes a string (one small copy, and its chunk is kept for the next file on the
/// thread), a larger one is handed over without a copy. No array reaches the large object heap, whose every allocation
/// brings a full garbage collection nearer.
/// </remarks>
internal sealed class ChunkedText
{
    /// <summary>32K characters: 64 KB, under the large object heap's 85,000 bytes.</summary>
    internal const int ChunkSize = 32 * 1024;

    [ThreadStatic]
    private static char[]? s_spareChunk;

    private readonly List<char[]> _chunks = new();
    private char[] _current;
    private int _used;
    private int _length;

    public ChunkedText()
    {
        _current = s_spareChunk ?? new char[ChunkSize];
        s_spareChunk = null;
        _chunks.Add(_current);
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

            int chunk = value == 0 ? 0 : (value - 1) / ChunkSize;
            _chunks.RemoveRange(chunk + 1, _chunks.Count - chunk - 1);
            _current = _chunks[chunk];
            _used = value - chunk * ChunkSize;
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
            text.CopyTo(start, _current, _used, count);
            _used += count;
            _length += count;
            start += count;
        }
    }

    public void Append(char c)
    {
        Room();
        _current[_used++] = c;
        _length++;
    }

    public void Append(char c, int repeat)
    {
        for (int left = repeat; left > 0;)
        {
            int count = Math.Min(left, Room());
            for (int i = 0; i < count; i++)
            {
                _current[_used + i] = c;
            }

            _used += count;
            _length += count;
            left -= count;
        }
    }

    /// <summary>The text, once: this buffer must not be written to afterwards.</summary>
    public SourceText ToSourceText()
    {
        if (_chunks.Count == 1)
        {
            var text = SourceText.From(new string(_current, 0, _used), Encoding.UTF8);
            s_spareChunk = _current;
            return text;
        }

        // The last chunk is cut to its text: a generated file lives as long as the compilation.
        char[] last = new char[_used];
        Array.Copy(_current, last, _used);
        _chunks[_chunks.Count - 1] = last;
        return new Text(_chunks.ToArray(), _length);
    }

    public override string ToString()
    {
        var text = new StringBuilder(_length);
        for (int i = 0; i < _chunks.Count; i++)
        {
            text.Append(_chunks[i], 0, i == _chunks.Count - 1 ? _used : ChunkSize);
        }

        return text.ToString();
    }

    /// <summary>Free characters in the current chunk, after starting a new one when it is full.</summary>
    private int Room()
    {
        if (_used == ChunkSize)
        {
            _current = new char[ChunkSize];
            _chunks.Add(_current);
            _used = 0;
        }

        return ChunkSize - _used;
    }

    /// <summary>The written chunks as a <see cref="SourceText"/> (every chunk full but the last).</summary>
    private sealed class Text : SourceText
    {
        private readonly char[][] _chunks;
        private readonly int _length;

        public Text(char[][] chunks, int length)
            : base(checksumAlgorithm: SourceHashAlgorithm.Sha1)
        {
            _chunks = chunks;
            _length = length;
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override int Length => _length;

        public override char this[int position] =>
            position >= 0 && position < _length ? _chunks[position / ChunkSize][position % ChunkSize] : throw new ArgumentOutOfRangeException(nameof(position));

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
                Array.Copy(_chunks[sourceIndex / ChunkSize], offset, destination, destinationIndex, take);
                sourceIndex += take;
                destinationIndex += take;
                count -= take;
            }
        }
    }
}
