using System.CommandLine;

namespace OciRaw.Cli;

/// <summary>
/// The options of <c>ociraw</c>, named as the OCI CLI names them. The OCI CLI's global options (config, profile, auth,
/// output) are recursive here, so they work before or after <c>raw-request</c>, as they do with <c>oci</c>.
/// </summary>
internal sealed class RawRequestCommandLine
{
    public const string UsageLine = "Usage: ociraw raw-request --http-method METHOD --target-uri URL [options]";

    public Option<string> HttpMethod { get; } = new("--http-method")
    {
        Description = "GET, HEAD, DELETE, POST, PUT or PATCH (case-insensitive)",
        HelpName = "METHOD",
        Required = true,
    };

    public Option<string> TargetUri { get; } = new("--target-uri")
    {
        Description = "absolute http(s) URL of the API operation",
        HelpName = "URL",
        Required = true,
    };

    public Option<string> RequestBody { get; } = new("--request-body")
    {
        Description = "the body: JSON text, or file://path to read it from a file (as the OCI CLI reads it)",
        HelpName = "BODY",
    };

    public Option<string> RequestHeaders { get; } = new("--request-headers")
    {
        Description = "extra headers as a JSON object, e.g. '{\"opc-request-id\": \"abc\"}', or file://path",
        HelpName = "JSON",
    };

    public Option<string> SigningStrategy { get; } = new("--signing-strategy")
    {
        Description = "standard (default) or exclude-body (Object Storage PutObject/UploadPart)",
        HelpName = "NAME",
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "print the signed request as JSON and send nothing",
    };

    public Option<string> ConfigFile { get; } = new("--config-file")
    {
        Description = "config file (default: $OCI_CLI_CONFIG_FILE, else ~/.oci/config, else $OCI_CONFIG_FILE)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string> Profile { get; } = new("--profile")
    {
        Description = "config profile (default: $OCI_CLI_PROFILE, else default_profile of the cli rc file, else DEFAULT)",
        HelpName = "NAME",
        Recursive = true,
    };

    public Option<string> Auth { get; } = new("--auth")
    {
        Description = "api_key (default), security_token, instance_principal, resource_principal, instance_obo_user (also $OCI_CLI_AUTH); oke_workload_identity is refused with the reason",
        HelpName = "TYPE",
        Recursive = true,
    };

    public Option<bool> FailOnError { get; } = new("--fail-on-error")
    {
        Description = "exit 1 when the service answers non-2xx (the document is printed either way). Off by default: oci raw-request " +
            "prints every HTTP answer and exits 0, and scripts written for it read .status",
    };

    public Option<string> CliRcFile { get; } = new("--cli-rc-file", "--defaults-file")
    {
        Description = "OCI CLI rc file for default_profile, proxy and canned queries (default: $OCI_CLI_RC_FILE, else ~/.oci/oci_cli_rc)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string> RequestId { get; } = new("--request-id", "--opc-request-id", "--opc-client-request-id")
    {
        Description = "the opc-request-id header to send (an opc-request-id in --request-headers wins)",
        HelpName = "ID",
        Recursive = true,
    };

    public Option<int?> ConnectionTimeout { get; } = new("--connection-timeout")
    {
        Description = "seconds to wait for the connection (default 10)",
        HelpName = "SECONDS",
        Recursive = true,
    };

    public Option<int?> ReadTimeout { get; } = new("--read-timeout")
    {
        Description = "seconds to wait for each read of the response (default 60)",
        HelpName = "SECONDS",
        Recursive = true,
    };

    public Option<string> CertBundle { get; } = new("--cert-bundle")
    {
        Description = "PEM file of the CA certificates to trust instead of the system's (also $OCI_CLI_CERT_BUNDLE)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string> Proxy { get; } = new("--proxy")
    {
        Description = "proxy URL, e.g. http://user:pass@proxy.example.com:80 (else the rc file's proxy; the environment's proxy variables are ignored, as by the OCI CLI)",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<bool> Debug { get; } = new("--debug", "-d")
    {
        Description = "print the request as sent, its signing string and the response headers to stderr (secrets redacted)",
        Recursive = true,
    };

    public Option<string> FederationEndpoint { get; } = new("--federation-endpoint")
    {
        Description = "federation endpoint for instance principals (also $OCI_CLI_FEDERATION_ENDPOINT)",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<string> Region { get; } = new("--region")
    {
        Description = "region (id or short code, e.g. us-ashburn-1 or iad; also $OCI_CLI_REGION, else the profile's region) that fills " +
            "{region} and {secondLevelDomain} in --target-uri, e.g. https://identity.{region}.oci.{secondLevelDomain}/20160918/users. " +
            "A full URL is sent as given, as by oci raw-request, which uses the region for nothing else",
        HelpName = "REGION",
        Recursive = true,
    };

    public Option<string> Endpoint { get; } = new("--endpoint")
    {
        Description = "refused, as by oci raw-request: --target-uri is the full URL (also $OCI_CLI_ENDPOINT)",
        HelpName = "URL",
        Recursive = true,
        Hidden = true,
    };

    public Option<bool> NoRetry { get; } = new("--no-retry")
    {
        Description = "send once: no retry after a connection error or timeout, and no opc-client-retries header",
        Recursive = true,
    };

    public Option<int?> MaxRetries { get; } = new("--max-retries")
    {
        Description = "attempts in all, the first included (default 8 within 600 s, full-jitter backoff). As with oci raw-request, only " +
            "connection errors and timeouts are retried: an answer of any status is printed as it came",
        HelpName = "N",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "json (the only format of raw-request; table is refused, as by the OCI CLI)",
        HelpName = "FORMAT",
        Recursive = true,
    };

    public Option<string> Query { get; } = new("--query")
    {
        Description = "JMESPath expression applied to data when the body is JSON, or query://NAME from the rc file",
        HelpName = "JMESPATH",
        Recursive = true,
    };

    public Option<bool> RawOutput { get; } = new("--raw-output")
    {
        Description = "accepted for the OCI CLI's sake; like oci raw-request, raw-request prints its whole JSON document regardless",
        Recursive = true,
    };

    /// <summary>The OCI CLI's global options: recursive, so they work before or after the command, as with <c>oci</c>.</summary>
    public IReadOnlyList<Option> GlobalOptions =>
        [ConfigFile, Profile, Auth, CliRcFile, RequestId, Region, Endpoint, NoRetry, MaxRetries, ConnectionTimeout, ReadTimeout, CertBundle, Proxy, Debug, FederationEndpoint, Output, Query, RawOutput];

    /// <summary>The root command with <c>raw-request</c> under it; <paramref name="run"/> runs raw-request.</summary>
    public RootCommand CreateRoot(Func<ParseResult, CancellationToken, Task<int>> run)
    {
        var rawRequest = new Command("raw-request", "Send one request to any OCI REST API, signed like the OCI SDKs sign it, and print " +
            "{\"data\", \"headers\", \"status\"} for every HTTP answer. Exit codes: 0 an answer arrived (any status, unless --fail-on-error), " +
            "1 non-2xx with --fail-on-error, 2 invalid input (options, config, key; nothing sent), 3 no answer (connection, timeout).")
        {
            HttpMethod, TargetUri, RequestBody, RequestHeaders, SigningStrategy, DryRun, FailOnError,
        };
        rawRequest.SetAction(run);
        var root = new RootCommand("ociraw: the OCI CLI's raw-request, signed by OciRaw, and an OCI emulator on loopback.") { rawRequest };
        foreach (Option option in GlobalOptions)
        {
            root.Options.Add(option);
        }

        return root;
    }
}
