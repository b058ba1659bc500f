using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OciRaw.Client.Tests.TestSupport;

/// <summary>
/// The innermost handler of a test HttpClient: records every request it receives (method, absolute URI, headers, body
/// bytes) and answers with what the responder returns. Nothing goes to the network.
/// </summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    public const string BaseAddress = "https://svc.example.com/";

    private readonly Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<CapturedRequest> _requests = [];

    public CapturingHandler(Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _respond = respond;
    }

    public CapturingHandler(Func<CapturedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    /// <summary>Answers every request with 200 and an empty JSON object.</summary>
    public CapturingHandler()
        : this(_ => Json(HttpStatusCode.OK, "{}"))
    {
    }

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public CapturedRequest Last => Requests is [.., var last] ? last : throw new InvalidOperationException("No request was sent.");

    /// <summary>An HttpClient over this handler whose BaseAddress is <see cref="BaseAddress"/>.</summary>
    public HttpClient CreateClient() => new(this, disposeHandler: false) { BaseAddress = new Uri(BaseAddress) };

    public static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        Respond(status, body, "application/json", headers);

    public static HttpResponseMessage Respond(HttpStatusCode status, string body, string contentType, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
        {
            foreach (string value in header.Value)
            {
                headers.Add(new(header.Key, value));
            }
        }

        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var captured = new CapturedRequest(
            request.Method.Method,
            request.RequestUri!.AbsoluteUri,
            headers,
            body,
            request.Content?.Headers.ContentType?.ToString(),
            request.Content?.Headers.ContentLength,
            request.Content?.Headers.NonValidated.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())).ToList());
        lock (_requests)
        {
            _requests.Add(captured);
        }

        HttpResponseMessage response = await _respond(captured, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
