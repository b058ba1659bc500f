using System.Net;

namespace OciRaw.Infrastructure;

/// <summary>
/// A request body read straight from the caller's stream: nothing is buffered (the signer does not read it when the
/// body is excluded from the signature), and the stream is left open, because the caller owns it (a
/// <see cref="StreamContent"/> would dispose it with the request). The length sent is the <c>content-length</c>
/// parameter when there is one, else what remains of a seekable stream, else none (chunked transfer encoding).
/// </summary>
internal sealed class CallerStreamContent : HttpContent
{
    // The size Stream.CopyToAsync itself uses: large enough for loopback throughput, small next to any memory limit.
    private const int CopyBufferSize = 81920;

    private readonly Stream _stream;

    public CallerStreamContent(Stream stream)
    {
        _stream = stream;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _stream.CopyToAsync(stream, CopyBufferSize, cancellationToken);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _stream.CopyTo(stream, CopyBufferSize);

    protected override bool TryComputeLength(out long length)
    {
        if (_stream.CanSeek)
        {
            length = Math.Max(0, _stream.Length - _stream.Position);
            return true;
        }

        length = 0;
        return false;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(_stream);

    protected override void Dispose(bool disposing)
    {
        // The stream is the caller's: deliberately not disposed.
        base.Dispose(disposing);
    }
}
