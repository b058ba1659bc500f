using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OciRaw.Cli;

/// <summary>
/// The HttpClient of one ociraw run, set up as the OCI CLI sets up its requests session
/// (cli_util.build_raw_requests_session, set_request_session_properties_from_context): connection timeout (default
/// 10 s) and read timeout per read (default 60 s), --cert-bundle as the only trusted roots, --proxy (or the rc file's)
/// and no proxy from the environment (trust_env = False); the response head is observed for the wire header names.
/// Retries come from <see cref="OciRetryHandler"/> with the options of --no-retry/--max-retries.
/// </summary>
internal static class HttpTransport
{
    public static readonly TimeSpan DefaultConnectionTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromSeconds(60);

    public static HttpClient Create(RawRequestOptions options, OciSigner signer, WireHeaderNames wireNames, TextWriter stderr)
    {
        TimeSpan readTimeout = options.ReadTimeout ?? DefaultReadTimeout;
        var sockets = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectionTimeout ?? DefaultConnectionTimeout,
            UseProxy = options.Proxy is not null,
            Proxy = options.Proxy is { } proxy ? CreateProxy(proxy) : null,
            PlaintextStreamFilter = (context, _) => ValueTask.FromResult(wireNames.Wrap(context.PlaintextStream, readTimeout)),
        };
        if (options.CertBundle is { } bundle)
        {
            sockets.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = TrustOnly(LoadBundle(bundle)) };
        }

        HttpMessageHandler inner = options.Debug ? new DebugHandler(signer, stderr) { InnerHandler = sockets } : sockets;
        // The runtime's pipeline, as generated clients get it: retries (each attempt signed anew, opc-client-retries while
        // retries are on) above signing (User-Agent, and an opc-request-id when none was given).
        return new HttpClient(new OciRetryHandler(new OciSigningHandler(signer, inner), options.Retry, null)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>user:password in the proxy URL authenticates to the proxy, as requests reads it.</summary>
    private static WebProxy CreateProxy(Uri proxy)
    {
        var webProxy = new WebProxy(new UriBuilder(proxy) { UserName = string.Empty, Password = string.Empty }.Uri);
        if (proxy.UserInfo.Length > 0)
        {
            string[] parts = proxy.UserInfo.Split(':', 2);
            webProxy.Credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        }

        return webProxy;
    }

    private static X509Certificate2Collection LoadBundle(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new CliUsageException($"--cert-bundle '{path}' cannot be read as PEM certificates: {e.Message}");
        }

        return roots.Count > 0 ? roots : throw new CliUsageException($"--cert-bundle '{path}' holds no PEM certificate.");
    }

    /// <summary>requests' verify=bundle: the chain must end at one of the bundle's certificates and the name must match.</summary>
    private static RemoteCertificateValidationCallback TrustOnly(X509Certificate2Collection roots) => (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    };
}
