using System.Text;

namespace OciRaw.Cli;

/// <summary>
/// The response header names as the server spelled them. HttpClient reports well-known headers in its own spelling
/// (<c>content-type</c> arrives as <c>Content-Type</c>); the OCI CLI prints what came over the wire. This reads the
/// response head from the plaintext stream (SocketsHttpHandler.PlaintextStreamFilter), before HttpClient parses it.
/// </summary>
internal sealed class WireHeaderNames
{
    private readonly List<byte> _head = [];
    private readonly object _gate = new();
    private List<string> _names = [];
    private bool _complete;

    /// <summary>The wire spelling of <paramref name="name"/>, or <paramref name="name"/> when it was not seen.</summary>
    public string Spelling(string name)
    {
        lock (_gate)
        {
            return _names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? name;
        }
    }

    /// <summary>The connection's stream, observed; each read fails after <paramref name="readTimeout"/> without data (requests' read timeout).</summary>
    public Stream Wrap(Stream plaintext, TimeSpan readTimeout) => new RecordingStream(plaintext, this, readTimeout);

    /// <summary>Collects bytes until the head ends; 1xx interim heads are replaced by the final one.</summary>
    private void Observe(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            foreach (byte b in bytes)
            {
                if (_complete)
                {
                    return;
                }

                _head.Add(b);
                int n = _head.Count;
                if (n >= 4 && _head[n - 4] == '\r' && _head[n - 3] == '\n' && _head[n - 2] == '\r' && _head[n - 1] == '\n')
                {
                    string head = Encoding.Latin1.GetString([.. _head]);
                    _head.Clear();
                    string[] lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                    _names = [.. lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim())];
                    string[] status = lines[0].Split(' ', 3);
                    _complete = !(status.Length > 1 && status[1].Length == 3 && status[1][0] == '1');
                }
            }
        }
    }

    private sealed class RecordingStream(Stream inner, WireHeaderNames names, TimeSpan readTimeout) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(readTimeout);
            int read;
            try
            {
                read = await inner.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ReadTimeoutException(readTimeout);
            }

            names.Observe(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }
}
