using System.Security.Cryptography;
using OciRaw.Infrastructure;

namespace OciRaw;

/// <summary>
/// Gives a POST/PUT/PATCH request the three body headers OCI signs: <c>content-length</c>, <c>content-type</c> and
/// <c>x-content-sha256</c> over the exact bytes that will be sent (binary bodies included). Streamed content is
/// buffered once so that what is hashed is what goes on the wire; byte-array content is hashed in place.
/// </summary>
internal static class RequestBodyDigest
{
    public const string HeaderName = "x-content-sha256";
    private const string DefaultContentType = "application/json";

    // Marks a body this library buffered, which can therefore be sent again (a retry after a 401).
    private static readonly HttpRequestOptionsKey<bool> BufferedByUs = new("OciRaw.BodyBuffered");

    // Marks an x-content-sha256 this library computed, so a re-sign (a retry) recomputes it instead of trusting it.
    private static readonly HttpRequestOptionsKey<bool> ComputedByUs = new("OciRaw.ContentSha256Computed");

    public static async ValueTask EnsureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpContent content = request.Content ??= new ByteArrayContent([]);
        if (!content.Headers.NonValidated.Contains("Content-Type"))
        {
            content.Headers.TryAddWithoutValidation("Content-Type", DefaultContentType);
        }

        if (request.Options.TryGetValue(ComputedByUs, out bool ours) && ours)
        {
            request.Headers.Remove(HeaderName);
        }

        bool callerGaveHash = request.Headers.NonValidated.Contains(HeaderName) || content.Headers.NonValidated.Contains(HeaderName);
        if (callerGaveHash && content.Headers.ContentLength is not null)
        {
            // The caller pre-computed the hash of a large body (as the OCI docs recommend): do not buffer it.
            return;
        }

        if (content is not (ByteArrayContent or ReadOnlyMemoryContent or PooledJsonContent))
        {
            await content.LoadIntoBufferAsync().ConfigureAwait(false);
            request.Options.Set(BufferedByUs, true);
        }

        using var digest = new DigestStream();
        await content.CopyToAsync(digest, cancellationToken).ConfigureAwait(false);
        long length = digest.BytesWritten;
        if (content.Headers.ContentLength is long declared && declared != length)
        {
            throw new InvalidOperationException(
                $"The request's Content-Length header says {declared} bytes but its content is {length} bytes; OCI would reject the signature.");
        }

        content.Headers.ContentLength = length;
        if (!callerGaveHash)
        {
            request.Headers.TryAddWithoutValidation(HeaderName, Convert.ToBase64String(digest.GetHash()));
            request.Options.Set(ComputedByUs, true);
        }
    }

    /// <summary>
    /// True when the request can be sent again with the same body: no body, an in-memory body, or one this library
    /// buffered while hashing it. A streamed body sent unsigned (exclude-body) was consumed by the first send.
    /// </summary>
    public static bool IsReplayable(HttpRequestMessage request) =>
        request.Content is null or ByteArrayContent or ReadOnlyMemoryContent or PooledJsonContent
        || (request.Options.TryGetValue(BufferedByUs, out bool buffered) && buffered);

    /// <summary>A write-only stream that hashes and counts what is written to it.</summary>
    private sealed class DigestStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long BytesWritten { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => BytesWritten;

        public override long Position
        {
            get => BytesWritten;
            set => throw new NotSupportedException();
        }

        public byte[] GetHash() => _hash.GetHashAndReset();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            BytesWritten += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
