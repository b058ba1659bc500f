using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace OciRaw.Extensions.DependencyInjection;

/// <summary>
/// One <c>AddOciClient&lt;TClient&gt;</c> registration: resolves the endpoint once, and puts OCI's handlers around
/// whatever the application adds: <c>OciRetryHandler</c> outermost (so each attempt passes through every handler below
/// it), <c>OciSigningHandler</c> innermost, just above the primary handler (so every attempt is signed last, with a fresh
/// date, after any handler that changes the request).
/// </summary>
internal sealed class ClientPipeline<TClient>
    where TClient : class, IOciClient<TClient>
{
    private readonly string _name;
    private readonly OciClientSettings _settings;
    private readonly string? _configurationPath;
    private Uri? _endpoint;

    public ClientPipeline(string name, OciClientSettings settings, string? configurationPath)
    {
        _name = name;
        _settings = settings;
        _configurationPath = configurationPath;
    }

    /// <summary>The key of this client's own signer (<see cref="OciClientSettings.Signer"/>) among keyed services.</summary>
    public string SignerKey => "OciRaw.Signer:" + _name;

    public void ConfigureClient(IServiceProvider services, HttpClient http)
    {
        http.BaseAddress = _endpoint ??= ResolveEndpoint(services);
        http.Timeout = _settings.Timeout;
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", OciUserAgent.Value);
    }

    public void AddHandlers(HttpMessageHandlerBuilder builder)
    {
        IServiceProvider services = builder.Services;
        OciSigner signer = _settings.Signer is null
            ? services.GetService<OciSigner>() ?? throw new OciSettingsException(
                $"{typeof(TClient).Name} needs a signer: call services.AddOciSigner(...) (configuration, a factory or an instance), or give this client one with AddOciClient<{typeof(TClient).Name}>(settings => settings.Signer = ...).")
            : services.GetRequiredKeyedService<OciSigner>(SignerKey);
        builder.AdditionalHandlers.Insert(0, new OciRetryHandler(_settings.Retry, services.GetService<TimeProvider>())
        {
            ServiceName = TClient.ServiceName,
            Observer = services.GetRequiredService<OciLoggingObserver>(),
        });
        builder.AdditionalHandlers.Add(new OciSigningHandler(signer));
    }

    private Uri ResolveEndpoint(IServiceProvider services)
    {
        if (_settings.Endpoint is { } endpoint)
        {
            return endpoint;
        }

        string where = _configurationPath is { Length: > 0 } path ? $"{path}:Endpoint" : "an Endpoint";
        if (TClient.ServiceName is not { } service || TClient.EndpointTemplate is not { } template)
        {
            throw new OciSettingsException(
                $"{typeof(TClient).Name} has no [OciService] attribute, so its endpoint cannot come from a region: set {where}, or settings.Endpoint in AddOciClient.");
        }

        string region = _settings.Region
            ?? services.GetService<ConfiguredSigner>()?.Region
            ?? (services.GetService<OciSigner>() as ResourcePrincipalsSigner)?.Region
            ?? RegionFromEnvironment()
            ?? throw new OciSettingsException(
                $"{typeof(TClient).Name} has no region: set {(_configurationPath is { Length: > 0 } p ? $"{p}:Region" : "Region in configuration")} (e.g. us-ashburn-1 or iad), settings.Region in AddOciClient, a region in the config-file profile, or {OciConfig.RegionEnvironmentVariable}.");
        return OciEndpointTemplate.Expand(template, service, OciRegion.Resolve(region), _settings.DualStack);
    }

    private static string? RegionFromEnvironment() =>
        Environment.GetEnvironmentVariable(OciConfig.RegionEnvironmentVariable) is { Length: > 0 } region ? region : null;
}
