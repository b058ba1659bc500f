using System.Buffers;
using System.Net;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// A JSON request body written once into a pooled buffer: the length is known (no chunked encoding), the signer hashes
/// the bytes in place and can send them again after a 401, and disposing the request returns the buffer to the pool.
/// </summary>
internal sealed class PooledJsonContent : HttpContent
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly int _length;
    private byte[]? _buffer;

    private PooledJsonContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        Headers.TryAddWithoutValidation("Content-Type", "application/json");
    }

    public static PooledJsonContent Create<T>(T value, OciJsonWriteAction<T> write)
    {
        var output = new PooledBufferWriter();
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(output);
        writer.Reset(output);
        try
        {
            write(writer, value);
            writer.Flush();
            return new PooledJsonContent(output.Detach(out int length), length);
        }
        catch
        {
            output.Dispose();
            throw;
        }
        finally
        {
            writer.Reset(Stream.Null); // let go of the buffer; the writer itself is reused by the next body on this thread
        }
    }

    /// <summary>A copy of the body, for a request that must be sent again after this one is disposed (a paged POST).</summary>
    public byte[] ToArray() => Buffer.AsSpan(0, _length).ToArray();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Buffer, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Buffer, 0, _length, cancellationToken);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(Buffer, 0, _length);

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(Buffer, 0, _length, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledJsonContent));

    /// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool.</summary>
    private sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
    {
        private byte[]? _array = ArrayPool<byte>.Shared.Rent(2048);
        private int _written;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_written);

        public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_written);

        /// <summary>Hands the array over to the content, which returns it to the pool.</summary>
        public byte[] Detach(out int length)
        {
            length = _written;
            byte[] array = _array!;
            _array = null;
            return array;
        }

        public void Dispose()
        {
            if (_array is { } array)
            {
                _array = null;
                ArrayPool<byte>.Shared.Return(array);
            }
        }

        private byte[] Ensure(int sizeHint)
        {
            byte[] array = _array!;
            int needed = _written + Math.Max(sizeHint, 1);
            if (needed > array.Length)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, array.Length * 2));
                array.AsSpan(0, _written).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(array);
                _array = array = larger;
            }

            return array;
        }
    }
}
