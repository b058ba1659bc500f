using System.Net;

namespace OciRaw.Client.Benchmarks;

/// <summary>
/// The end of every client's pipeline (no signing, no network): reads the request body to the end, as a socket would,
/// and answers 200 with pre-serialized JSON, synchronously. A GET with a query gets the page, anything else the user.
/// </summary>
internal sealed class InMemoryHandler(byte[] userJson, byte[] pageJson) : HttpMessageHandler
{
    private readonly MemoryStream _wire = new();

    /// <summary>The body of the last request, as it went on the wire.</summary>
    public ReadOnlySpan<byte> LastRequestBody => _wire.GetBuffer().AsSpan(0, (int)_wire.Length);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _wire.SetLength(0);
        if (request.Content is { } content)
        {
            await content.CopyToAsync(_wire, cancellationToken).ConfigureAwait(false);
        }

        bool page = request.Method == HttpMethod.Get && request.RequestUri!.OriginalString.Contains('?', StringComparison.Ordinal);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(page ? pageJson : userJson) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return response;
    }
}
