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
        Description = "api_key (default), security_token, instance_principal, resource_principal (also $OCI_CLI_AUTH)",
        HelpName = "TYPE",
        Recursive = true,
    };

    /// <summary>The root command with <c>raw-request</c> under it; <paramref name="run"/> runs raw-request.</summary>
    public RootCommand CreateRoot(Func<ParseResult, CancellationToken, Task<int>> run)
    {
        var rawRequest = new Command("raw-request", "Send one request to any OCI REST API, signed like the OCI SDKs sign it, and print {\"data\", \"headers\", \"status\"}.")
        {
            HttpMethod, TargetUri, RequestBody, RequestHeaders, SigningStrategy, DryRun,
        };
        rawRequest.SetAction(run);
        var root = new RootCommand("ociraw: the OCI CLI's raw-request, signed by OciRaw.")
        {
            ConfigFile, Profile, Auth, rawRequest,
        };
        return root;
    }
}
