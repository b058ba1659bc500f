using System.Globalization;
using System.Text;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>A request signed by the library under test, written out as raw HTTP/1.1 header lines that a test may then change.</summary>
internal sealed class RawSignedRequest
{
    private RawSignedRequest(string requestLine, List<KeyValuePair<string, string>> headers, byte[] body)
    {
        RequestLine = requestLine;
        Headers = headers;
        Body = body;
    }

    public string RequestLine { get; }

    /// <summary>The header lines in order; Host first.</summary>
    public List<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public static async Task<RawSignedRequest> SignAsync(OciSigner signer, HttpMethod method, Uri baseAddress, string pathAndQuery, byte[]? body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, pathAndQuery));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        await signer.SignAsync(request);
        var headers = new List<KeyValuePair<string, string>> { new("Host", request.RequestUri!.Authority) };
        headers.AddRange(request.Headers.NonValidated.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())));
        if (request.Content is not null)
        {
            headers.AddRange(request.Content.Headers.NonValidated.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())));
        }

        byte[] sentBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        return new RawSignedRequest($"{method.Method} {request.RequestUri.PathAndQuery} HTTP/1.1", headers, sentBody);
    }

    public string? Header(string name) => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>Sets (replaces, or adds at the end) a header line.</summary>
    public RawSignedRequest With(string name, string value)
    {
        int index = Headers.FindIndex(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            Headers[index] = new(Headers[index].Key, value);
        }
        else
        {
            Headers.Add(new(name, value));
        }

        return this;
    }

    public RawSignedRequest Without(string name)
    {
        Headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        return this;
    }

    public string Head => RequestLine + "\r\n" + string.Join("\r\n", Headers.Select(h => h.Key + ": " + h.Value));

    /// <summary>Sends the head with <paramref name="body"/> (default: the signed body) as it is.</summary>
    public Task<RawResponse> SendAsync(Uri baseAddress, byte[]? body = null) => RawHttp.SendAsync(baseAddress, Head, body ?? Body);

    /// <summary>The body in one chunk of chunked transfer coding, then the last chunk.</summary>
    public static byte[] Chunked(byte[] body) =>
        [.. Encoding.ASCII.GetBytes(body.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. body, .. "\r\n0\r\n\r\n"u8];
}
