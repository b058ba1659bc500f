using Microsoft.Extensions.DependencyInjection;

namespace OciRaw.Extensions.DependencyInjection;

/// <summary>
/// The signer described by OciRaw's configuration section, and the region that goes with it. Registered as an instance
/// (not disposed by the container); the <see cref="OciSigner"/> it creates is registered by factory, so the container
/// disposes that one when it is disposed.
/// </summary>
internal sealed class ConfiguredSigner
{
    private readonly SignerSettings _settings;
    private readonly Lazy<OciConfig> _config;

    public ConfiguredSigner(SignerSettings settings)
    {
        _settings = settings;
        _config = new Lazy<OciConfig>(() => OciConfig.FromFile(settings.ConfigFile, settings.Profile));
    }

    public OciSigner Create(IServiceProvider services)
    {
        OciObserver observer = services.GetRequiredService<OciLoggingObserver>();
        TimeProvider time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return _settings.Auth switch
        {
            OciAuthenticationMethod.InstancePrincipal => new InstancePrincipalsSigner(new InstancePrincipalsSignerOptions
            {
                MetadataBaseAddress = _settings.MetadataBaseAddress,
                FederationEndpoint = _settings.FederationEndpoint,
                Observer = observer,
                TimeProvider = time,
            }),
            OciAuthenticationMethod.ResourcePrincipal => new ResourcePrincipalsSigner(new ResourcePrincipalsSignerOptions { Observer = observer, TimeProvider = time }),
            _ => OciSigner.FromConfig(_config.Value),
        };
    }

    /// <summary>The region that comes with the signer: the config-file profile's <c>region</c>; null for the other methods.</summary>
    public string? Region => _settings.Auth == OciAuthenticationMethod.ConfigFile ? _config.Value.Region : null;
}
