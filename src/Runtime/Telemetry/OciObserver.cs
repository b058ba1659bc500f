namespace OciRaw;

/// <summary>
/// Receives one record per HTTP attempt and per security-token refresh, so that a logging layer outside the runtime
/// (the <c>OciRaw.Extensions.DependencyInjection</c> package logs them through <c>ILogger</c>) sees what traces and
/// metrics see without the runtime depending on a logging library. Attach it with
/// <see cref="OciRetryHandler.Observer"/>, <see cref="OciClientOptions.Observer"/> or
/// <see cref="OciSignerOptions.Observer"/>. With none attached the cost is one null check per attempt.
/// </summary>
/// <remarks>
/// Records carry no header value but <c>opc-request-id</c>, and paths without their query, so nothing an observer
/// receives can hold a secret, a token, a signature or a query value. Methods run on the request's thread, inside the
/// call: keep them short and never throw.
/// </remarks>
public abstract class OciObserver
{
    /// <summary>An attempt ended: with a response, or with an error; <see cref="OciAttemptRecord.RetryReason"/> says whether another follows.</summary>
    public virtual void OnAttempt(OciAttemptRecord attempt)
    {
    }

    /// <summary>A token-based signer fetched (or failed to fetch) a security token.</summary>
    public virtual void OnTokenRefresh(OciTokenRefreshRecord refresh)
    {
    }
}
