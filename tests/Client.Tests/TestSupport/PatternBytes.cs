namespace OciRaw.Client.Tests.TestSupport;

/// <summary>
/// A deterministic byte sequence of any length: byte i is <c>Block[i % Block.Length]</c>, with a prime block length so
/// that no power-of-two buffer boundary lines up with it. Both ends of a streaming test produce or check it without
/// ever holding more than one buffer.
/// </summary>
internal static class PatternBytes
{
    public static readonly byte[] Block = CreateBlock();

    /// <summary>True when <paramref name="data"/> is the pattern starting at <paramref name="offset"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> data, long offset)
    {
        int at = (int)(offset % Block.Length);
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, Block.Length - at);
            if (!data[..n].SequenceEqual(Block.AsSpan(at, n)))
            {
                return false;
            }

            data = data[n..];
            at = 0;
        }

        return true;
    }

    /// <summary>Fills <paramref name="buffer"/> with the pattern starting at <paramref name="offset"/>.</summary>
    public static void Fill(Span<byte> buffer, long offset)
    {
        int at = (int)(offset % Block.Length);
        while (!buffer.IsEmpty)
        {
            int n = Math.Min(buffer.Length, Block.Length - at);
            Block.AsSpan(at, n).CopyTo(buffer);
            buffer = buffer[n..];
            at = 0;
        }
    }

    private static byte[] CreateBlock()
    {
        var block = new byte[65521];
        new Random(20261206).NextBytes(block);
        return block;
    }
}

/// <summary>A read-only, non-seekable stream of <see cref="PatternBytes"/>: a body of any size that is never in memory.</summary>
internal sealed class PatternStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = (int)Math.Min(buffer.Length, length - _position);
        PatternBytes.Fill(buffer[..n], _position);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
