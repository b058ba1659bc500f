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

    public bool FailOnError { get; init; }

    public JmesPath.JmesPathExpression? Query { get; init; }

    public string? RequestId { get; init; }

    public TimeSpan? ConnectionTimeout { get; init; }

    public TimeSpan? ReadTimeout { get; init; }

    public string? CertBundle { get; init; }

    public Uri? Proxy { get; init; }

    public bool Debug { get; init; }

    public Uri? FederationEndpoint { get; init; }

    /// <summary>--region or OCI_CLI_REGION, as given (only a --target-uri template uses it).</summary>
    public string? Region { get; init; }

    /// <summary>What is retried (connection errors and timeouts) and how often: --no-retry, --max-retries.</summary>
    public OciRetryOptions Retry { get; init; } = ForRawRequest(null);

    /// <summary>
    /// Reads the parsed command line, then the environment and the rc file in the OCI CLI's order (cli_root.cli);
    /// values are checked here so that each error names its option or variable.
    /// </summary>
    public static RawRequestOptions Bind(RawRequestCommandLine commandLine, ParseResult parse)
    {
        if (parse.GetValue(commandLine.Output) is { } output && !string.Equals(output.Trim(), "json", StringComparison.OrdinalIgnoreCase))
        {
            // raw_request_cli.py refuses table output with this message.
            throw new CliUsageException(string.Equals(output.Trim(), "table", StringComparison.OrdinalIgnoreCase)
                ? "The table output format is not supported with this command"
                : $"--output '{output}' is not one of json, table.");
        }

        if (parse.GetValue(commandLine.Endpoint) is not null || CliEnvironment.Get(CliEnvironment.Endpoint) is not null)
        {
            // raw_request_cli.py: ctx.obj['endpoint'] (the option, or OCI_CLI_ENDPOINT) ends the command.
            throw new CliUsageException("The --endpoint parameter cannot be specified with this command");
        }

        CliRcFile rc = CliRcFile.Load(parse.GetValue(commandLine.CliRcFile));
        string? configFile = parse.GetValue(commandLine.ConfigFile) ?? CliEnvironment.Get(CliEnvironment.ConfigFile);
        string profile = parse.GetValue(commandLine.Profile) ?? CliEnvironment.Get(CliEnvironment.Profile) ?? rc.DefaultProfile ?? OciConfig.DefaultProfile;
        string? region = parse.GetValue(commandLine.Region)?.Trim() is { Length: > 0 } given ? given : CliEnvironment.Get(CliEnvironment.Region)?.Trim();
        return new()
        {
            Method = ParseMethod(parse.GetRequiredValue(commandLine.HttpMethod)),
            TargetUri = TargetUriTemplate.Resolve(parse.GetRequiredValue(commandLine.TargetUri), () => region ?? ProfileRegion(configFile, profile)),
            RequestBody = parse.GetValue(commandLine.RequestBody),
            RequestHeadersJson = parse.GetValue(commandLine.RequestHeaders),
            ConfigFile = configFile,
            Profile = profile,
            Region = region,
            Retry = ParseRetry(parse.GetValue(commandLine.NoRetry), parse.GetValue(commandLine.MaxRetries)),
            Auth = ResolveAuth(parse.GetValue(commandLine.Auth)),
            SigningStrategy = ParseStrategy(parse.GetValue(commandLine.SigningStrategy) ?? "standard"),
            DryRun = parse.GetValue(commandLine.DryRun),
            FailOnError = parse.GetValue(commandLine.FailOnError),
            Query = parse.GetValue(commandLine.Query) is { } query ? CompileQuery(query, rc) : null,
            RequestId = parse.GetValue(commandLine.RequestId),
            ConnectionTimeout = Seconds(parse.GetValue(commandLine.ConnectionTimeout), "--connection-timeout"),
            ReadTimeout = Seconds(parse.GetValue(commandLine.ReadTimeout), "--read-timeout"),
            CertBundle = CertBundlePath(parse.GetValue(commandLine.CertBundle) ?? CliEnvironment.Get(CliEnvironment.CertBundle)),
            Proxy = AbsoluteUri(parse.GetValue(commandLine.Proxy) ?? rc.Proxy, "--proxy"),
            Debug = parse.GetValue(commandLine.Debug),
            FederationEndpoint = AbsoluteUri(parse.GetValue(commandLine.FederationEndpoint)?.Trim() ?? CliEnvironment.Get(CliEnvironment.FederationEndpoint), "--federation-endpoint"),
        };
    }

    /// <summary>
    /// The OCI CLI's retry choice for raw-request (raw_request_cli.py): DEFAULT_RETRY_STRATEGY (8 attempts, 600 s),
    /// --max-retries N as N attempts in all (0 keeps the default: click passes it as false), --no-retry as none, both
    /// refused (cli_root.cli). Only failures that raise are retried there, so here too (RetryResponses = false); the
    /// per-attempt timeout is off because --connection-timeout and --read-timeout bound each attempt.
    /// </summary>
    private static OciRetryOptions ParseRetry(bool noRetry, int? maxRetries)
    {
        if (noRetry && maxRetries is not null and not 0)
        {
            throw new CliUsageException("The option --max-retries is not applicable when using the --no-retry flag.");
        }

        if (maxRetries < 0)
        {
            throw new CliUsageException($"--max-retries {maxRetries}: the max number of attempts must be >= 1, with 1 indicating no retries.");
        }

        return noRetry ? OciRetryOptions.None with { AttemptTimeout = Timeout.InfiniteTimeSpan } : ForRawRequest(maxRetries is null or 0 ? null : maxRetries);
    }

    private static OciRetryOptions ForRawRequest(int? maxAttempts)
    {
        var options = new OciRetryOptions { AttemptTimeout = Timeout.InfiniteTimeSpan, RetryResponses = false };
        return maxAttempts is { } attempts ? options with { MaxAttempts = attempts } : options;
    }

    /// <summary>The profile's region for a --target-uri template; null when the config file or profile cannot be read (the template's error says what to pass).</summary>
    private static string? ProfileRegion(string? configFile, string profile)
    {
        try
        {
            return OciConfig.FromFile(configFile, profile).Region;
        }
        catch (OciConfigException)
        {
            return null;
        }
    }

    /// <summary>--auth, else OCI_CLI_AUTH (an invalid value there is an error, as in cli_root.cli), else api_key.</summary>
    private static string ResolveAuth(string? option) =>
        option is not null ? ParseAuth(option, "--auth")
        : CliEnvironment.Get(CliEnvironment.Auth) is { } fromEnvironment ? ParseAuth(fromEnvironment, CliEnvironment.Auth)
        : AuthType.ApiKey;

    /// <summary>cli_util.resolve_jmespath_query: query://NAME names a query of the rc file's [OCI_CLI_CANNED_QUERIES].</summary>
    private static JmesPath.JmesPathExpression CompileQuery(string query, CliRcFile rc)
    {
        const string Prefix = "query://";
        string expression = query;
        if (query.StartsWith(Prefix, StringComparison.Ordinal))
        {
            string name = query[Prefix.Length..];
            expression = rc.CannedQuery(name)
                ?? throw new CliUsageException($"Query {name} is not defined in your OCI CLI configuration file: {rc.FilePath ?? "(no rc file found)"}");
        }

        try
        {
            return JmesPath.JmesPathExpression.Compile(expression);
        }
        catch (JmesPath.JmesPathException e)
        {
            throw new CliUsageException($"--query '{expression}' is not a valid JMESPath expression: {e.Message}");
        }
    }

    private static TimeSpan? Seconds(int? value, string option) => value switch
    {
        null => null,
        > 0 => TimeSpan.FromSeconds(value.Value),
        _ => throw new CliUsageException($"{option} must be a positive number of seconds, not {value}."),
    };

    private static string? CertBundlePath(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string path = value == "~" || value.StartsWith("~/", StringComparison.Ordinal) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + value[1..] : value;
        return File.Exists(path) ? path : throw new CliUsageException($"Cannot find cert_bundle file: {path} (--cert-bundle or {CliEnvironment.CertBundle}).");
    }

    private static Uri? AbsoluteUri(string? value, string option) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
        : throw new CliUsageException($"{option} '{(value.Contains('@', StringComparison.Ordinal) ? "<redacted: it may hold a password>" : value)}' is not an absolute http(s) URL.");

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

    private static string ParseAuth(string value, string source)
    {
        string auth = value.Trim().ToLowerInvariant();
        if (!AuthType.All.Contains(auth))
        {
            throw new CliUsageException($"{source} '{value}' is not one of {string.Join(", ", AuthType.All)}.");
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
