using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OciRaw.TestSupport;

/// <summary>
/// A minimal HTTP/1.1 server on a loopback socket. It hands each request, as the bytes arrived, to a responder and
/// writes back what it returns; it parses the wire format itself so that tests see exactly what HttpClient sent.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly LoopbackListener _listener;
    private readonly Func<ArrivedRequest, ServerResponse> _respond;
    private readonly List<ArrivedRequest> _received = [];

    public LoopbackHttpServer(Func<ArrivedRequest, ServerResponse> respond, IPAddress? address = null)
    {
        _respond = respond;
        _listener = new LoopbackListener(ServeAsync, address);
    }

    public int Port => _listener.Port;

    public IReadOnlyList<ArrivedRequest> Received
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
                NetworkStream stream = client.GetStream();
                while (await ReadRequestAsync(stream) is { } request)
                {
                    lock (_received)
                    {
                        _received.Add(request);
                    }

                    ServerResponse response = _respond(request);
                    await WriteResponseAsync(stream, request, response);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The client closed the connection.
            }
        }
    }

    private async Task<ArrivedRequest?> ReadRequestAsync(Stream stream)
    {
        string? requestLine = await ReadLineAsync(stream);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        string[] parts = requestLine.Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        while (await ReadLineAsync(stream) is { Length: > 0 } line)
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        var partial = new ArrivedRequest(parts[0], parts[1], headers, []);
        byte[] body = partial.Header("transfer-encoding") is { } te && te.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? await ReadChunkedAsync(stream)
            : await ReadExactlyAsync(stream, int.Parse(partial.Header("content-length") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        return partial with { Body = body };
    }

    private async Task<byte[]> ReadChunkedAsync(Stream stream)
    {
        using var body = new MemoryStream();
        while (true)
        {
            string sizeLine = await ReadLineAsync(stream) ?? throw new IOException("Connection closed inside a chunked body.");
            int size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                await ReadLineAsync(stream);
                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(stream, size));
            await ReadLineAsync(stream);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        byte[] buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, _listener.Stopping);
        return buffer;
    }

    private async Task<string?> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        byte[] one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, _listener.Stopping) == 0)
            {
                return bytes.Count == 0 ? null : Encoding.Latin1.GetString(bytes.ToArray());
            }

            if (one[0] == '\n')
            {
                return Encoding.Latin1.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add(one[0]);
        }
    }

    private static async Task WriteResponseAsync(Stream stream, ArrivedRequest request, ServerResponse response)
    {
        byte[] body = response.RawBody ?? Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append((int)response.Status).Append(' ').Append(response.Status).Append("\r\n");
        if (response.ContentType is { } contentType)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(request.Method == "HEAD" ? 0 : body.Length).Append("\r\n");
        foreach ((string name, string value) in response.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (request.Method != "HEAD")
        {
            await stream.WriteAsync(body);
        }

        await stream.FlushAsync();
    }
}
