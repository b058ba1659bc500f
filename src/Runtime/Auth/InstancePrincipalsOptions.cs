namespace OciRaw;

/// <summary>Where an <see cref="InstancePrincipalsSigner"/> finds the instance metadata and federation services, and how hard it tries.</summary>
public sealed record InstancePrincipalsOptions
{
    /// <summary>The environment variable that overrides the metadata service address (as in the Python and Go SDKs).</summary>
    public const string MetadataBaseUrlVariable = "OCI_METADATA_BASE_URL";

    /// <summary>The environment variable that overrides the federation host (as in the Go SDK).</summary>
    public const string FederationUrlVariable = "OCI_SDK_AUTH_CLIENT_REGION_URL";

    /// <summary>The instance metadata service v2.</summary>
    public static readonly Uri DefaultMetadataBaseAddress = new("http://169.254.169.254/opc/v2/");

    /// <summary>The metadata service base, e.g. <c>http://169.254.169.254/opc/v2</c>; null: <c>OCI_METADATA_BASE_URL</c>, else the default.</summary>
    public Uri? MetadataBaseAddress { get; init; }

    /// <summary>
    /// The federation endpoint (<c>.../v1/x509</c>); null: <c>OCI_SDK_AUTH_CLIENT_REGION_URL</c> + <c>/v1/x509</c>, else
    /// <c>https://auth.&lt;region&gt;.&lt;realm domain&gt;/v1/x509</c> from the metadata service's region info.
    /// </summary>
    public Uri? FederationEndpoint { get; init; }

    /// <summary>The handler for metadata and federation calls (tests substitute one); null: a new SocketsHttpHandler.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Time allowed for one metadata or federation call.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per metadata or federation call, retrying timeouts, connection errors, 429 and 5xx (not 501).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Total time one refresh may spend retrying before it gives up.</summary>
    public TimeSpan MaxRetryDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first backoff; it doubles per attempt (capped at 30 s) with up to 50% jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A delegation (on-behalf-of) token file, as Cloud Shell uses: sent and signed as <c>opc-obo-token</c>.</summary>
    public string? DelegationTokenFile { get; init; }
}
