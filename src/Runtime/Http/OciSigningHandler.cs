using System.Net;

namespace OciRaw;

/// <summary>
/// A <see cref="DelegatingHandler"/> that signs every request it sends: the C# form of the Python SDK's
/// <c>requests.get(url, auth=signer)</c>. Each send is signed anew, so a retry handler placed before this one gets a
/// fresh date and signature on every attempt. With a token-based signer, a 401 makes the signer refresh and the
/// request is sent once more (only when its body can be replayed); a second 401 goes back to the caller. API-key
/// signers are never retried on 401.
/// </summary>
/// <example>
/// <code>
/// using var signer = OciSigner.FromConfig(OciConfig.FromFile()); // the handler never disposes its signer
/// using var http = new HttpClient(new OciSigningHandler(signer));
/// var response = await http.GetAsync("https://identity.us-ashburn-1.oci.oraclecloud.com/20160918/users?compartmentId=...");
/// </code>
/// </example>
public sealed class OciSigningHandler : DelegatingHandler
{
    private readonly object _innerHandlerGate = new();

    /// <summary>
    /// Creates a handler with no inner handler. Inside an <c>IHttpClientFactory</c> pipeline the factory supplies one;
    /// used on its own (<c>new HttpClient(new OciSigningHandler(signer))</c>) it sends through a
    /// <see cref="SocketsHttpHandler"/> created on first use.
    /// </summary>
    public OciSigningHandler(OciSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Signer = signer;
    }

    /// <summary>Creates a handler that sends through <paramref name="innerHandler"/>.</summary>
    public OciSigningHandler(OciSigner signer, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Signer = signer;
    }

    /// <summary>The signer every request is signed with.</summary>
    public OciSigner Signer { get; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        EnsureInnerHandler();
        AddStandardHeaders(request);
        (_, OciCredentials credentials) = await Signer.SignWithCredentialsAsync(request, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!MayRetry(request, response)
                || !await Signer.RefreshAfterUnauthorizedAsync(credentials, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }
        }
        catch
        {
            response.Dispose(); // the refresh failed: its exception says why, the 401 would not
            throw;
        }

        response.Dispose();
        await Signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        EnsureInnerHandler();
        AddStandardHeaders(request);
        // Signing only blocks when a streamed body must be buffered or a token refreshed; the synchronous Send path
        // accepts that by design.
        (_, OciCredentials credentials) = Signer.SignWithCredentialsAsync(request, cancellationToken).GetAwaiter().GetResult();
        HttpResponseMessage response = base.Send(request, cancellationToken);
        try
        {
            if (!MayRetry(request, response)
                || !Signer.RefreshAfterUnauthorizedAsync(credentials, cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                return response;
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }

        response.Dispose();
        Signer.SignAsync(request, cancellationToken).GetAwaiter().GetResult();
        return base.Send(request, cancellationToken);
    }

    /// <summary>
    /// Raw requests get what generated calls get: an <c>opc-request-id</c> (support asks for it) and OciRaw's
    /// <c>User-Agent</c>, unless the caller set them (neither is signed, so adding them here changes no signature).
    /// </summary>
    private static void AddStandardHeaders(HttpRequestMessage request)
    {
        OpcRequestIds.AddIfMissing(request);
        OciUserAgent.AddIfMissing(request);
    }

    /// <summary>A 401 whose request can be sent again unchanged is worth one refresh and one retry.</summary>
    private static bool MayRetry(HttpRequestMessage request, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized && RequestBodyDigest.IsReplayable(request);

    private void EnsureInnerHandler()
    {
        if (InnerHandler is not null)
        {
            return;
        }

        lock (_innerHandlerGate)
        {
            InnerHandler ??= new SocketsHttpHandler();
        }
    }
}
