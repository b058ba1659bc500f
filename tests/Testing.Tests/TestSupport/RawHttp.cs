using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// Sends hand-written HTTP/1.1 bytes to the emulator over a plain socket, for requests HttpClient refuses to send (a
/// Content-Length that does not frame the body, header bytes exactly as given), and reads the whole answer.
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Writes <paramref name="head"/> (request line and headers, CRLF-separated, without the blank line), a blank line, then <paramref name="body"/>.</summary>
    public static async Task<RawResponse> SendAsync(Uri baseAddress, string head, byte[] body)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, cancel.Token);
        NetworkStream stream = client.GetStream();
        byte[] headBytes = Encoding.ASCII.GetBytes(head.TrimEnd('\r', '\n') + "\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(headBytes, cancel.Token);
        await stream.WriteAsync(body, cancel.Token);
        await stream.FlushAsync(cancel.Token);
        // No half-close: Kestrel takes a FIN as the client leaving. 'Connection: close' makes the server end the answer.

        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, cancel.Token);
        return RawResponse.Parse(answer.ToArray());
    }
}

/// <summary>An answer read off the socket: status, header lines and body (de-chunked when chunked).</summary>
internal sealed record RawResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static RawResponse Parse(byte[] bytes)
    {
        int end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            throw new InvalidDataException($"No complete HTTP response arrived ({bytes.Length} bytes): {Encoding.ASCII.GetString(bytes)}");
        }

        string[] lines = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => new KeyValuePair<string, string>(parts[0].Trim(), parts[1].Trim()))
            .ToList();
        byte[] body = bytes[(end + 4)..];
        if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Dechunk(body);
        }

        return new RawResponse(status, headers, body);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var output = new MemoryStream();
        int position = 0;
        while (true)
        {
            int lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            int size = int.Parse(Encoding.ASCII.GetString(chunked, position, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position += lineEnd + 2;
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(chunked, position, size);
            position += size + 2;
        }
    }
}
