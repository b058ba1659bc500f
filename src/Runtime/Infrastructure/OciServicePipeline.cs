using System.ComponentModel;

namespace OciRaw.Infrastructure;

/// <summary>
/// Builds the HttpClient behind a generated <c>Create(OciSigner, string, OciClientOptions?)</c>: retry → signing → transport,
/// with the service's regional endpoint as <c>BaseAddress</c>. Public only so generated code can call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciServicePipeline
{
    private static readonly Lazy<SocketsHttpHandler> SharedTransport = new(() => new SocketsHttpHandler
    {
        // Clients made by the factory are not disposed by anyone: they share one pool, recycled so DNS changes are seen.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });

    /// <summary>The pipeline for <paramref name="serviceName"/> in <paramref name="region"/> (or at <see cref="OciClientOptions.Endpoint"/>).</summary>
    /// <exception cref="OciRegionException">The region is unknown.</exception>
    public static HttpClient CreateHttpClient(OciSigner signer, string region, string serviceName, string endpointTemplate, OciClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(region);
        Uri endpoint = options?.Endpoint ?? OciEndpointTemplate.Expand(endpointTemplate, serviceName, OciRegion.Resolve(region), options?.DualStack);
        return Create(signer, endpoint, serviceName, options);
    }

    /// <summary>
    /// The pipeline for a known endpoint. A null <paramref name="signer"/> leaves signing out (benchmarks and tests of the
    /// rest of the pipeline); everything else is as in production.
    /// </summary>
    public static HttpClient CreateHttpClient(OciSigner? signer, Uri endpoint, OciClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Create(signer, endpoint, null, options);
    }

    private static HttpClient Create(OciSigner? signer, Uri endpoint, string? serviceName, OciClientOptions? options)
    {
        HttpMessageHandler handler = options?.InnerHandler ?? SharedTransport.Value;
        if (signer is not null)
        {
            handler = new OciSigningHandler(signer, handler);
        }

        handler = new OciRetryHandler(handler, options?.Retry, options?.TimeProvider) { ServiceName = serviceName, Observer = options?.Observer };

        // The retry handler times each attempt; an HttpClient timeout would cut the retries short.
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = endpoint, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation(OciUserAgent.HeaderName, OciUserAgent.Value);
        return client;
    }
}
