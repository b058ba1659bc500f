using System.Text.RegularExpressions;

namespace OciRaw.Tests;

/// <summary>
/// What <c>oci raw-request</c> (OCI CLI 3.x) does, recorded from its source in github.com/oracle/oci-cli (the snapshot
/// read for these tests) rather than guessed. Each parity test compares ociraw with one of these.
/// </summary>
internal static partial class OciCliRecording
{
    /// <summary>
    /// src/oci_cli/raw_request_cli.py, _make_raw_request: every HTTP answer is printed as {"data", "headers", "status"}
    /// and the command returns normally (exit 0): "even a 4xx or 5xx would be considered successful from this
    /// operation's perspective". status is '{} {}'.format(status_code, reason); data is response.json(), else
    /// response.text (so an empty body is ""); headers are response.headers.items() (names as the server sent them).
    /// </summary>
    public const int ExitCodeForAnyHttpAnswer = 0;

    /// <summary>
    /// src/oci_cli/cli_util.py, pretty_print_format: json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False).
    /// So keys are sorted at every level, integers keep every digit, floats print as Python's repr (1.0, 1e+16,
    /// 1e-05) and non-ASCII characters are printed, not escaped.
    /// </summary>
    public const string NumbersAndKeyOrderDocument = """
        {
          "data": {
            "a": {
              "v": "é\u0001",
              "w": 1e-05,
              "x": 12345678901234567890,
              "y": 1e+16,
              "z": 1.0
            },
            "b": 1,
            "c": [],
            "d": {}
          },
          "headers": {
            "Content-Length": "LENGTH",
            "Content-Type": "application/json"
          },
          "status": "200 OK"
        }
        """;

    /// <summary>raw_request_cli.py: "if ctx.obj['output'] == 'table': raise click.UsageError(...)" (click exits 2).</summary>
    public const string TableRefusal = "The table output format is not supported with this command";

    /// <summary>cli_util.parse_json_parameter: a body that is not JSON ends the command before anything is sent.</summary>
    public const string NotJsonBody = "Parameter 'request_body' must be in JSON format";

    /// <summary>cli_util.FilePermissionChecker.WARNING_MESSAGE, printed on stderr for the config file and the key file.</summary>
    public static string PermissionWarning(string path) => $"WARNING: Permissions on {path} are too open.";

    /// <summary>cli_util.set_request_session_properties_from_context: click.BadParameter('Cannot find cert_bundle file: ...').</summary>
    public const string MissingCertBundle = "Cannot find cert_bundle file: ";

    /// <summary>cli_util.resolve_jmespath_query: query://NAME not in [OCI_CLI_CANNED_QUERIES].</summary>
    public const string UnknownCannedQuery = "is not defined in your OCI CLI configuration file";

    /// <summary>raw_request_cli.py: "if ctx.obj['endpoint']: raise click.UsageError(...)"; the option or OCI_CLI_ENDPOINT (cli_root.read_values_from_env).</summary>
    public const string EndpointRefusal = "The --endpoint parameter cannot be specified with this command";

    /// <summary>cli_root.cli: "if max_retries and no_retry: raise click.UsageError(...)".</summary>
    public const string MaxRetriesWithNoRetry = "The option --max-retries is not applicable when using the --no-retry flag.";

    /// <summary>click.UsageError ends the command with exit code 2.</summary>
    public const int UsageErrorExitCode = 2;

    /// <summary>
    /// raw_request_cli.py: DEFAULT_RETRY_STRATEGY (oci/retry: 8 attempts within 600 s), or --max-retries N as
    /// add_max_attempts(N) (N attempts in all), or NoneRetryStrategy for --no-retry. make_retrying_call wraps
    /// requests_session.request, which raises only for connection errors and timeouts (retried by
    /// TimeoutConnectionAndServiceErrorRetryChecker); a response of any status is returned, so it is never retried.
    /// </summary>
    public const int DefaultAttempts = 8;

    /// <summary>
    /// cli_util.create_config_and_signer_based_on_click_context: request_id = str(uuid.uuid4()).replace('-', '').upper()
    /// when --request-id is not given, sent by build_raw_requests_session as the session's opc-request-id header.
    /// </summary>
    public static bool IsGeneratedRequestId(string? value) => value is not null && GeneratedRequestId().IsMatch(value);

    [GeneratedRegex("^[0-9A-F]{32}$")]
    private static partial Regex GeneratedRequestId();

    /// <summary>The Date header changes with every answer; parity compares everything else.</summary>
    public static string WithoutDate(string stdout) => DateHeader().Replace(stdout, "\"Date\": \"DATE\"");

    [GeneratedRegex("\"Date\": \"[^\"]*\"")]
    private static partial Regex DateHeader();
}
