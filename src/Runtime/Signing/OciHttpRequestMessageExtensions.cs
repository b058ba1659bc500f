namespace OciRaw;

/// <summary>Per-request signing settings carried in <see cref="HttpRequestMessage.Options"/>.</summary>
public static class OciHttpRequestMessageExtensions
{
    private static readonly HttpRequestOptionsKey<OciSigningStrategy> StrategyKey = new("OciRaw.SigningStrategy");

    /// <summary>Chooses which headers this request's signature covers (for example <see cref="OciSigningStrategy.ExcludeBody"/>).</summary>
    public static HttpRequestMessage SetOciSigningStrategy(this HttpRequestMessage request, OciSigningStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(strategy);
        request.Options.Set(StrategyKey, strategy);
        return request;
    }

    /// <summary>The strategy set with <see cref="SetOciSigningStrategy"/>, or <see cref="OciSigningStrategy.Standard"/>.</summary>
    public static OciSigningStrategy GetOciSigningStrategy(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(StrategyKey, out OciSigningStrategy? strategy) ? strategy : OciSigningStrategy.Standard;
    }
}
