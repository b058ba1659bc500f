using System;
using System.Security.Cryptography;

namespace OciRaw.Generator.Incrementality;

/// <summary>A SHA-256 of a sequence of values, compared by value.</summary>
internal sealed class Fingerprint : IEquatable<Fingerprint>
{
    private readonly byte[] _hash;

    private Fingerprint(byte[] hash) => _hash = hash;

    /// <inheritdoc />
    public bool Equals(Fingerprint? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null)
        {
            return false;
        }

        for (int i = 0; i < _hash.Length; i++)
        {
            if (_hash[i] != other._hash[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Fingerprint);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_hash, 0);

    /// <summary>
    /// Feeds length-prefixed values to SHA-256 through a small buffer, so that no two different sequences of values
    /// hash the same bytes.
    /// </summary>
    internal sealed class Builder : IDisposable
    {
        /// <summary>
        /// Large enough that the hash is fed in few calls (each one crosses into the platform's crypto library: with 4 KB
        /// a whole-corpus build made some hundred thousand of them), small enough to stay off the large object heap.
        /// </summary>
        private const int BufferSize = 64 * 1024;

        /// <summary>How many buffers a thread keeps for the next builders: a tree is read with two builders at a time.</summary>
        private const int SpareBuffers = 2;

        [ThreadStatic]
        private static System.Collections.Generic.Stack<byte[]>? s_spareBuffers;

        [ThreadStatic]
        private static char[]? s_chars;

        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer;
        private readonly char[] _chars = s_chars ??= new char[4096];
        private int _used;

        public Builder()
        {
            // Builders live one tree read long: their buffers are kept per thread for the next ones.
            _buffer = s_spareBuffers is { Count: > 0 } spares ? spares.Pop() : new byte[BufferSize];
        }

        public void Add(int value)
        {
            Reserve(4);
            _buffer[_used++] = (byte)value;
            _buffer[_used++] = (byte)(value >> 8);
            _buffer[_used++] = (byte)(value >> 16);
            _buffer[_used++] = (byte)(value >> 24);
        }

        public void Add(string value)
        {
            Add(value.Length);

            // The UTF-16 code units as they are in memory, copied in blocks (every token of every declaration passes
            // through here; byte order does not matter, fingerprints are only compared within one process). Through a
            // char array rather than a span: the generator references nothing that Roslyn 4.8 does not bring.
            for (int start = 0; start < value.Length;)
            {
                Reserve(2);
                int count = Math.Min(value.Length - start, Math.Min(_chars.Length, (_buffer.Length - _used) / 2));
                value.CopyTo(start, _chars, 0, count);
                Buffer.BlockCopy(_chars, 0, _buffer, _used, count * 2);
                _used += count * 2;
                start += count;
            }
        }

        public Fingerprint Finish()
        {
            Flush();
            return new Fingerprint(_hash.GetHashAndReset());
        }

        public void Dispose()
        {
            _hash.Dispose();
            s_spareBuffers ??= new System.Collections.Generic.Stack<byte[]>(SpareBuffers);
            if (s_spareBuffers.Count < SpareBuffers)
            {
                s_spareBuffers.Push(_buffer);
            }
        }

        private void Reserve(int bytes)
        {
            if (_used + bytes > _buffer.Length)
            {
                Flush();
            }
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }
    }
}
