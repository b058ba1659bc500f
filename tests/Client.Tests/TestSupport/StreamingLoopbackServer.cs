using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OciRaw.Client.Tests.TestSupport;

/// <summary>
/// An HTTP/1.1 server on a loopback socket for bodies too large to hold: a request body (Content-Length or chunked) is
/// checked against <see cref="PatternBytes"/> as it arrives and only counted, and a GET is answered with
/// <see cref="DownloadLength"/> pattern bytes written from one buffer. Requests are recorded without their bodies.
/// </summary>
internal sealed class StreamingLoopbackServer : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly LoopbackListener _listener;
    private readonly List<Received> _received = [];

    public StreamingLoopbackServer(long downloadLength)
    {
        DownloadLength = downloadLength;
        _listener = new LoopbackListener(ServeAsync);
    }

    public long DownloadLength { get; }

    public int Port => _listener.Port;

    public IReadOnlyList<Received> Requests
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var reader = new BufferedReader(client.GetStream());
                while (await ReadHeadAsync(reader) is { } head)
                {
                    (long length, bool matches) = await ReadBodyAsync(reader, head);
                    var request = new Received(head.Method, head.Target, head.Headers, length, matches);
                    lock (_received)
                    {
                        _received.Add(request);
                    }

                    await RespondAsync(client.GetStream(), head);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away: nothing to answer.
            }
        }
    }

    private static async Task<Head?> ReadHeadAsync(BufferedReader reader)
    {
        string? requestLine = await reader.ReadLineAsync();
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        string[] parts = requestLine.Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        return new Head(parts[0], parts[1], headers);
    }

    private static async Task<(long Length, bool Matches)> ReadBodyAsync(BufferedReader reader, Head head)
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        bool matches = true;
        if (string.Equals(head.Header("transfer-encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                string sizeLine = (await reader.ReadLineAsync())!;
                long size = long.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while (await reader.ReadLineAsync() is { Length: > 0 })
                    {
                    }

                    return (total, matches);
                }

                matches &= await ReadCheckedAsync(reader, buffer, size, total);
                total += size;
                await reader.ReadLineAsync();
            }
        }

        long length = head.Header("content-length") is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        matches &= await ReadCheckedAsync(reader, buffer, length, 0);
        return (length, matches);
    }

    private static async Task<bool> ReadCheckedAsync(BufferedReader reader, byte[] buffer, long count, long offset)
    {
        bool matches = true;
        while (count > 0)
        {
            int n = await reader.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)));
            if (n == 0)
            {
                throw new IOException("The body ended early.");
            }

            matches &= PatternBytes.Matches(buffer.AsSpan(0, n), offset);
            offset += n;
            count -= n;
        }

        return matches;
    }

    private async Task RespondAsync(NetworkStream stream, Head head)
    {
        bool download = head.Method is "GET";
        long length = download ? DownloadLength : 0;
        string status = "HTTP/1.1 200 OK\r\n";
        string headers = $"content-length: {length.ToString(CultureInfo.InvariantCulture)}\r\netag: \"etag-{head.Method}\"\r\nopc-request-id: R-{head.Method}\r\n"
            + (download ? "content-type: application/octet-stream\r\nopc-meta-kind: pattern\r\nlast-modified: Tue, 15 Nov 1994 08:12:31 GMT\r\n" : string.Empty);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(status + headers + "\r\n"));
        var buffer = new byte[BufferSize];
        for (long sent = 0; sent < length;)
        {
            int n = (int)Math.Min(buffer.Length, length - sent);
            PatternBytes.Fill(buffer.AsSpan(0, n), sent);
            await stream.WriteAsync(buffer.AsMemory(0, n));
            sent += n;
        }
    }

    /// <summary>One request as it arrived: its head, and how long its body was and whether it was the pattern.</summary>
    internal sealed record Received(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, long BodyLength, bool BodyMatchesPattern)
    {
        public string? Header(string name) => Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
    }

    private sealed record Head(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers)
    {
        public string? Header(string name) => Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
    }

    /// <summary>Reads lines and bytes from one connection through one small buffer.</summary>
    private sealed class BufferedReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[BufferSize];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync())
                {
                    return line.Length == 0 ? null : line.ToString();
                }

                byte b = _buffer[_start++];
                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)b);
            }
        }

        public async ValueTask<int> ReadAsync(Memory<byte> destination)
        {
            if (_start == _end)
            {
                // Large reads go straight from the socket.
                return await stream.ReadAsync(destination);
            }

            int n = Math.Min(destination.Length, _end - _start);
            _buffer.AsMemory(_start, n).CopyTo(destination);
            _start += n;
            return n;
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer);
            return _end > 0;
        }
    }
}
