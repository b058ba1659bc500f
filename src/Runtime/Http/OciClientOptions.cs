namespace OciRaw;

/// <summary>
/// How a generated <c>Create(OciSigner signer, string region, OciClientOptions? options)</c> builds its pipeline. Every
/// property is optional; the defaults are OCI's (retries on unless <c>OCI_SDK_DEFAULT_RETRY_ENABLED=false</c>, the
/// service's regional endpoint, a shared connection pool).
/// </summary>
public sealed record OciClientOptions
{
    /// <summary>The retry policy; null: <see cref="OciRetryOptions"/>'s defaults. <see cref="OciRetryOptions.None"/> turns retries off.</summary>
    public OciRetryOptions? Retry { get; init; }

    /// <summary>Whether to use the service's dual-stack (IPv4 and IPv6) endpoint; null: <c>OCI_DUAL_STACK_ENDPOINT_ENABLED</c>.</summary>
    public bool? DualStack { get; init; }

    /// <summary>An endpoint to use instead of the service's regional one (a private endpoint, or an emulator); the region is then not resolved.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>
    /// The handler that sends requests on the wire, under signing; null: one <see cref="SocketsHttpHandler"/> shared by every
    /// client created this way (connections recycled every 5 minutes, so DNS changes are seen). A handler given here is
    /// not disposed by the client.
    /// </summary>
    public HttpMessageHandler? InnerHandler { get; init; }

    /// <summary>The clock of retry waits and timeouts; null: the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Receives a record of every attempt (<see cref="OciRetryHandler.Observer"/>); null: none.</summary>
    public OciObserver? Observer { get; init; }
}
