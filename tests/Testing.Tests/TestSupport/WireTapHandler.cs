using System.Net.Http.Headers;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// The handler under <see cref="OciSigningHandler"/>: it sees each request after it was signed, can change it there
/// (to tamper with a signed request the way a proxy or an attacker would), and records what is then sent.
/// </summary>
internal sealed class WireTapHandler(Func<HttpRequestMessage, Task>? afterSigning = null) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<SentRequest> _sent = [];

    /// <summary>Every request as it left for the socket, oldest first.</summary>
    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToList();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (afterSigning is not null)
        {
            await afterSigning(request);
        }

        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.NonValidated.Concat(request.Content?.Headers.NonValidated ?? Enumerable.Empty<KeyValuePair<string, HeaderStringValues>>())
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_sent)
        {
            _sent.Add(new SentRequest(request.Method.Method, request.RequestUri!, headers, body));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A request as the wire tap saw it leave.</summary>
internal sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>A parameter of the Signature Authorization header, e.g. <c>signature</c> or <c>headers</c>.</summary>
    public string AuthorizationParameter(string name)
    {
        string authorization = Header("Authorization") ?? throw new InvalidOperationException("The request was not signed.");
        string marker = name + "=\"";
        int start = authorization.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return authorization[start..authorization.IndexOf('"', start)];
    }
}
