namespace OciRaw;

/// <summary>
/// A security-token refresh as an <see cref="OciObserver"/> receives it: which kind of signer, when the new token expires
/// and how long the refresh took. Never the token itself.
/// </summary>
public sealed class OciTokenRefreshRecord
{
    internal OciTokenRefreshRecord(string signer, TimeSpan duration)
    {
        Signer = signer;
        Duration = duration;
    }

    /// <summary>The signer kind: <c>instance_principal</c> or <c>resource_principal</c> (the <c>oci.signer</c> metric tag).</summary>
    public string Signer { get; }

    /// <summary>How long the refresh took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>When the new token expires; null when the refresh failed or the token does not say.</summary>
    public DateTimeOffset? ExpiresAt { get; internal init; }

    /// <summary>The type of the exception that made the refresh fail, or null when it succeeded.</summary>
    public string? ErrorType { get; internal init; }
}
