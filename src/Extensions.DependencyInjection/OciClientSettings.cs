namespace OciRaw.Extensions.DependencyInjection;

/// <summary>
/// How <c>AddOciClient&lt;TClient&gt;</c> builds one client's pipeline. Read from configuration (the same section as the
/// signer: <c>Region</c>, <c>Endpoint</c>, <c>DualStack</c>, <c>Timeout</c>, <c>Retry</c>), then changed by the
/// <c>configure</c> delegate.
/// </summary>
public sealed class OciClientSettings
{
    /// <summary>
    /// The region (<c>us-ashburn-1</c> or <c>iad</c>) whose endpoint the service is called at. Null: the signer's region
    /// (the config-file profile's <c>region</c>, or <c>OCI_RESOURCE_PRINCIPAL_REGION</c>).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>An endpoint that replaces the regional one (a private endpoint, an emulator); needed for an interface without <c>[OciService]</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Whether to use the service's dual-stack endpoint; null: <c>OCI_DUAL_STACK_ENDPOINT_ENABLED</c>.</summary>
    public bool? DualStack { get; set; }

    /// <summary>OCI's retry policy; null: its defaults. <see cref="OciRetryOptions.None"/> turns retries off (for example to use Polly instead).</summary>
    public OciRetryOptions? Retry { get; set; }

    /// <summary>
    /// The limit on a whole call, retries included (<see cref="HttpClient.Timeout"/>). Default: none, because the retry
    /// handler limits each attempt (<see cref="OciRetryOptions.AttemptTimeout"/>) and the retries (<see cref="OciRetryOptions.MaxElapsedTime"/>).
    /// </summary>
    public TimeSpan Timeout { get; set; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>A signer for this client only; null: the container's shared <see cref="OciSigner"/> (<c>AddOciSigner</c>).</summary>
    public Func<IServiceProvider, OciSigner>? Signer { get; set; }
}
