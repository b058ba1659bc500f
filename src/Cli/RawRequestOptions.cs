namespace OciRaw.Cli;

/// <summary>The parsed options of <c>ociraw raw-request</c>.</summary>
internal sealed class RawRequestOptions
{
    public const string Usage = """
        Usage: ociraw raw-request --http-method METHOD --target-uri URL [options]

        Sends one request to any OCI REST API, signed like the OCI SDKs sign it, and prints
        {"data": ..., "headers": {...}, "status": "200 OK"}.

        Options:
          --http-method METHOD        GET, HEAD, DELETE, POST, PUT or PATCH (required)
          --target-uri URL            absolute https:// URL of the API operation (required)
          --request-body BODY         the body: JSON text, or @path to send a file's bytes
          --request-headers JSON      extra headers as a JSON object, e.g. '{"opc-request-id": "abc"}'
          --config-file PATH          config file (default: ~/.oci/config, then $OCI_CONFIG_FILE)
          --profile NAME              config profile (default: DEFAULT)
          --auth TYPE                 api_key (default); security_token (a profile written by
                                      'oci session authenticate'); instance_principal (the instance
                                      metadata service; OCI_METADATA_BASE_URL overrides it);
                                      resource_principal (OCI_RESOURCE_PRINCIPAL_* variables, v2.2)
          --signing-strategy NAME     standard (default) or exclude-body (Object Storage PutObject/UploadPart)
          --dry-run                   print the signed request as JSON and send nothing
          -h, --help                  show this help

        Exit codes: 0 success, 1 the service answered non-2xx, 2 invalid input (options, config, key),
        3 the request could not be sent.
        """;

    public required HttpMethod Method { get; init; }

    public required Uri TargetUri { get; init; }

    public string? RequestBody { get; init; }

    public string? RequestHeadersJson { get; init; }

    public string? ConfigFile { get; init; }

    public string Profile { get; init; } = "DEFAULT";

    public string Auth { get; init; } = AuthType.ApiKey;

    public OciSigningStrategy SigningStrategy { get; init; } = OciSigningStrategy.Standard;

    public bool DryRun { get; init; }

    /// <summary>Parses the arguments after <c>raw-request</c>; null when help was asked for.</summary>
    public static RawRequestOptions? Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool dryRun = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

            if (arg == "--dry-run")
            {
                dryRun = true;
                continue;
            }

            string name = arg;
            string? value = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }

            if (!ValueOptions.Contains(name))
            {
                throw new CliUsageException(arg.StartsWith('-') ? $"Unknown option '{name}'." : $"Unexpected argument '{arg}'.");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new CliUsageException($"Option '{name}' needs a value.");
                }

                value = args[++i];
            }

            if (!values.TryAdd(name, value))
            {
                throw new CliUsageException($"Option '{name}' is given twice.");
            }
        }

        return new RawRequestOptions
        {
            Method = ParseMethod(Required(values, "--http-method")),
            TargetUri = ParseUri(Required(values, "--target-uri")),
            RequestBody = values.GetValueOrDefault("--request-body"),
            RequestHeadersJson = values.GetValueOrDefault("--request-headers"),
            ConfigFile = values.GetValueOrDefault("--config-file"),
            Profile = values.GetValueOrDefault("--profile") ?? "DEFAULT",
            Auth = ParseAuth(values.GetValueOrDefault("--auth") ?? AuthType.ApiKey),
            SigningStrategy = ParseStrategy(values.GetValueOrDefault("--signing-strategy") ?? "standard"),
            DryRun = dryRun,
        };
    }

    private static readonly HashSet<string> ValueOptions =
    [
        "--http-method", "--target-uri", "--request-body", "--request-headers", "--config-file", "--profile", "--auth", "--signing-strategy",
    ];

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CliUsageException($"Option '{name}' is required.");

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
