using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using OciRaw;
using OciRaw.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers OciRaw's generated clients with <c>IHttpClientFactory</c>, and the signer they share. The container
/// creates the signer once and disposes it when it is disposed; every client gets OCI's retry policy, signing, the
/// standard headers and <see cref="ILogger"/> events, and the returned <see cref="IHttpClientBuilder"/> takes any further
/// handler (<c>.AddHttpMessageHandler</c>, resilience, ...).
/// </summary>
/// <example>
/// <code>
/// // appsettings.json: "Oci": { "Auth": "InstancePrincipal", "Region": "iad" }
/// builder.Services.AddOciSigner(builder.Configuration.GetSection("Oci"));
/// builder.Services.AddOciClient&lt;IIdentityUsers&gt;(builder.Configuration.GetSection("Oci"));
/// // then inject IIdentityUsers anywhere
/// </code>
/// </example>
public static class OciServiceCollectionExtensions
{
    /// <summary>
    /// Registers the signer described by <paramref name="configuration"/> (a section such as <c>Oci</c>): <c>Auth</c>
    /// (<c>ConfigFile</c>, the default; <c>InstancePrincipal</c>; <c>ResourcePrincipal</c>), <c>ConfigFile</c> and
    /// <c>Profile</c> for the first, <c>InstancePrincipal:MetadataBaseAddress</c> and
    /// <c>InstancePrincipal:FederationEndpoint</c> to override the instance's services. The section is checked now.
    /// </summary>
    /// <exception cref="OciSettingsException">A key is unknown or a value malformed; the message names the key.</exception>
    public static IServiceCollection AddOciSigner(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var source = new ConfiguredSigner(SettingsReader.ReadSigner(configuration));
        AddObserver(services);
        services.AddSingleton(source);
        services.AddSingleton<OciSigner>(source.Create);
        return services;
    }

    /// <summary>Registers the signer <paramref name="factory"/> creates, once per container; the container disposes it.</summary>
    public static IServiceCollection AddOciSigner(this IServiceCollection services, Func<IServiceProvider, OciSigner> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        AddObserver(services);
        services.AddSingleton(factory);
        return services;
    }

    /// <summary>Registers <paramref name="signer"/>; the caller keeps ownership and disposes it.</summary>
    public static IServiceCollection AddOciSigner(this IServiceCollection services, OciSigner signer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(signer);
        AddObserver(services);
        services.AddSingleton(signer);
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a generated client interface) as a typed client of
    /// <c>IHttpClientFactory</c> with the default settings: the region of the signer's config-file profile (or the
    /// resource principal's, or <c>OCI_REGION</c>), OCI's retry policy, no overall timeout.
    /// </summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, for further handlers.</returns>
    public static IHttpClientBuilder AddOciClient<TClient>(this IServiceCollection services)
        where TClient : class, IOciClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        return Register<TClient>(services, new OciClientSettings(), null);
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a generated client interface) as a typed client of
    /// <c>IHttpClientFactory</c>, configured in code by <paramref name="configure"/>.
    /// </summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, for further handlers.</returns>
    public static IHttpClientBuilder AddOciClient<TClient>(this IServiceCollection services, Action<OciClientSettings> configure)
        where TClient : class, IOciClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new OciClientSettings();
        configure(settings);
        return Register<TClient>(services, settings, null);
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a generated client interface) as a typed client of
    /// <c>IHttpClientFactory</c>, with <c>Region</c>, <c>Endpoint</c>, <c>DualStack</c>, <c>Timeout</c> and <c>Retry</c>
    /// (<c>Enabled</c>, <c>MaxAttempts</c>, <c>AttemptTimeout</c>, <c>MaxElapsedTime</c>, <c>BaseDelay</c>, <c>MaxDelay</c>)
    /// from <paramref name="configuration"/>, then <paramref name="configure"/>. The section is checked now.
    /// </summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, for further handlers.</returns>
    /// <exception cref="OciSettingsException">A key is unknown or a value malformed; the message names the key.</exception>
    public static IHttpClientBuilder AddOciClient<TClient>(this IServiceCollection services, IConfiguration configuration, Action<OciClientSettings>? configure = null)
        where TClient : class, IOciClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new OciClientSettings();
        SettingsReader.ApplyClient(configuration, settings);
        configure?.Invoke(settings);
        return Register<TClient>(services, settings, SettingsReader.PathOf(configuration));
    }

    private static IHttpClientBuilder Register<TClient>(IServiceCollection services, OciClientSettings settings, string? configurationPath)
        where TClient : class, IOciClient<TClient>
    {
        // The full name keeps two interfaces of the same name in different namespaces apart.
        string name = typeof(TClient).FullName ?? typeof(TClient).Name;
        var pipeline = new ClientPipeline<TClient>(name, settings, configurationPath);
        AddObserver(services);
        if (settings.Signer is { } signer)
        {
            services.AddKeyedSingleton(pipeline.SignerKey, (sp, _) => signer(sp));
        }

        // The factory's own request logging writes the whole URL, query values included; OciRaw logs every attempt
        // without them (OciLoggingObserver), so it takes the factory's place. AddDefaultLogger() brings it back.
        IHttpClientBuilder builder = services.AddHttpClient(name, pipeline.ConfigureClient).RemoveAllLoggers();
        // PostConfigure runs after every Configure, so these handlers wrap (retry) and end (signing) whatever the
        // application adds to the builder, in any order.
        services.PostConfigure<HttpClientFactoryOptions>(name, options => options.HttpMessageHandlerBuilderActions.Add(pipeline.AddHandlers));
        // A static abstract call, bound at compile time: no reflection, no ActivatorUtilities.
        builder.AddTypedClient(static http => TClient.CreateClient(http));
        return builder;
    }

    private static void AddObserver(IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(sp => new OciLoggingObserver(sp.GetRequiredService<ILoggerFactory>()));
    }
}
