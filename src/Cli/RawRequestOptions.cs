using System.CommandLine;

namespace OciRaw.Cli;

/// <summary>The parsed options of <c>ociraw raw-request</c>.</summary>
internal sealed class RawRequestOptions
{
    public required HttpMethod Method { get; init; }

    public required Uri TargetUri { get; init; }

    public string? RequestBody { get; init; }

    public string? RequestHeadersJson { get; init; }

    public string? ConfigFile { get; init; }

    public string Profile { get; init; } = OciConfig.DefaultProfile;

    public string Auth { get; init; } = AuthType.ApiKey;

    public OciSigningStrategy SigningStrategy { get; init; } = OciSigningStrategy.Standard;

    public bool DryRun { get; init; }

    /// <summary>Reads the parsed command line; values are checked here so that each error names its option.</summary>
    public static RawRequestOptions Bind(RawRequestCommandLine commandLine, ParseResult parse) => new()
    {
        Method = ParseMethod(parse.GetRequiredValue(commandLine.HttpMethod)),
        TargetUri = ParseUri(parse.GetRequiredValue(commandLine.TargetUri)),
        RequestBody = parse.GetValue(commandLine.RequestBody),
        RequestHeadersJson = parse.GetValue(commandLine.RequestHeaders),
        ConfigFile = parse.GetValue(commandLine.ConfigFile),
        Profile = parse.GetValue(commandLine.Profile) ?? OciConfig.DefaultProfile,
        Auth = ParseAuth(parse.GetValue(commandLine.Auth) ?? AuthType.ApiKey),
        SigningStrategy = ParseStrategy(parse.GetValue(commandLine.SigningStrategy) ?? "standard"),
        DryRun = parse.GetValue(commandLine.DryRun),
    };

    private static HttpMethod ParseMethod(string value) => value.Trim().ToUpperInvariant() switch
    {
        "GET" => HttpMethod.Get,
        "HEAD" => HttpMethod.Head,
        "DELETE" => HttpMethod.Delete,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "PATCH" => HttpMethod.Patch,
        _ => throw new CliUsageException($"--http-method '{value}' is not one of GET, HEAD, DELETE, POST, PUT, PATCH (the methods OCI signs)."),
    };

    private static Uri ParseUri(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CliUsageException($"--target-uri '{value}' is not an absolute http(s) URL, e.g. https://identity.us-ashburn-1.oci.oraclecloud.com/20160918/users?compartmentId=...");
        }

        return uri;
    }

    private static string ParseAuth(string value)
    {
        string auth = value.Trim().ToLowerInvariant();
        if (!AuthType.All.Contains(auth))
        {
            throw new CliUsageException($"--auth '{value}' is not one of {string.Join(", ", AuthType.All)}.");
        }

        return auth;
    }

    private static OciSigningStrategy ParseStrategy(string value) => value.Trim().ToLowerInvariant() switch
    {
        "standard" => OciSigningStrategy.Standard,
        "exclude-body" or "exclude_body" => OciSigningStrategy.ExcludeBody,
        _ => throw new CliUsageException($"--signing-strategy '{value}' is not one of standard, exclude-body."),
    };
}
