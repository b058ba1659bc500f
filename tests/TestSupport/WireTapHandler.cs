using System.Net.Http.Headers;

namespace OciRaw.TestSupport;

/// <summary>
/// The handler under <see cref="OciSigningHandler"/>: it sees each request after it was signed, can change it there
/// (to tamper with a signed request the way a proxy or an attacker would), and records what is then sent.
/// </summary>
public sealed class WireTapHandler(Func<HttpRequestMessage, Task>? afterSigning = null) : DelegatingHandler(new SocketsHttpHandler())
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
