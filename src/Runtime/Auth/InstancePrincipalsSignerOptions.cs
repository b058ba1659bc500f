namespace OciRaw;

/// <summary>
/// How an <see cref="InstancePrincipalsSigner"/> reaches the instance metadata and federation services, and how hard it
/// tries. Every property has a default that works on a compute instance; set one to change it.
/// </summary>
public sealed class InstancePrincipalsSignerOptions : OciSignerOptions
{
    /// <summary>The environment variable that overrides the metadata service address (as in the Python and Go SDKs).</summary>
    public const string MetadataBaseUrlVariable = "OCI_METADATA_BASE_URL";

    /// <summary>The environment variable that overrides the federation host (as in the Go SDK).</summary>
    public const string FederationUrlVariable = "OCI_SDK_AUTH_CLIENT_REGION_URL";

    /// <summary>The instance metadata service v2.</summary>
    public static readonly Uri DefaultMetadataBaseAddress = new("http://169.254.169.254/opc/v2/");

    /// <summary>The metadata service base, e.g. <c>http://169.254.169.254/opc/v2</c>; null: <c>OCI_METADATA_BASE_URL</c>, else the default.</summary>
    public Uri? MetadataBaseAddress { get; set; }

    /// <summary>
    /// The federation endpoint (<c>.../v1/x509</c>); null: <c>OCI_SDK_AUTH_CLIENT_REGION_URL</c> + <c>/v1/x509</c>, else
    /// <c>https://auth.&lt;region&gt;.&lt;realm domain&gt;/v1/x509</c> from the metadata service's region info.
    /// </summary>
    public Uri? FederationEndpoint { get; set; }

    /// <summary>
    /// The handler that metadata and federation calls are sent through (the counterpart of the Azure SDK's
    /// <c>ClientOptions.Transport</c>): a <see cref="SocketsHttpHandler"/> with a proxy or other connection settings, or a
    /// <see cref="DelegatingHandler"/> chain that logs or inspects these calls. The signer does not dispose it, so one
    /// handler may serve several signers. Null: a <see cref="SocketsHttpHandler"/> the signer owns.
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Time allowed for one metadata or federation call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per metadata or federation call, retrying timeouts, connection errors, 429 and 5xx (not 501).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Total time the retries of one metadata or federation call may take.</summary>
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The first backoff; it doubles per attempt (capped at 30 s). Used between the attempts of one call (with up to 50%
    /// jitter) and between background refreshes that failed while the current token was still valid.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A delegation (on-behalf-of) token file, as Cloud Shell uses: sent and signed as <c>opc-obo-token</c>.</summary>
    public string? DelegationTokenFile { get; set; }

    /// <summary>Checks the values once, when a signer is created, so that a bad one is reported where it was set.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, $"{nameof(InstancePrincipalsSignerOptions)}.{nameof(RequestTimeout)}");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, $"{nameof(InstancePrincipalsSignerOptions)}.{nameof(MaxAttempts)}");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDuration, TimeSpan.Zero, $"{nameof(InstancePrincipalsSignerOptions)}.{nameof(MaxRetryDuration)}");
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero, $"{nameof(InstancePrincipalsSignerOptions)}.{nameof(RetryBaseDelay)}");
    }
}
