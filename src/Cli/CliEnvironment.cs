namespace OciRaw.Cli;

/// <summary>
/// The OCI CLI's environment variables that ociraw honours (oci_cli/cli_constants.py). Blank values count as unset.
/// </summary>
internal static class CliEnvironment
{
    public const string Profile = "OCI_CLI_PROFILE";
    public const string ConfigFile = "OCI_CLI_CONFIG_FILE";
    public const string RcFile = "OCI_CLI_RC_FILE";
    public const string Auth = "OCI_CLI_AUTH";
    public const string SuppressFilePermissionsWarning = "OCI_CLI_SUPPRESS_FILE_PERMISSIONS_WARNING";
    public const string User = "OCI_CLI_USER";
    public const string Tenancy = "OCI_CLI_TENANCY";
    public const string Fingerprint = "OCI_CLI_FINGERPRINT";
    public const string KeyFile = "OCI_CLI_KEY_FILE";
    public const string KeyContent = "OCI_CLI_KEY_CONTENT";
    public const string PassPhrase = "OCI_CLI_PASSPHRASE";
    public const string DelegationTokenFile = "OCI_CLI_DELEGATION_TOKEN_FILE";
    public const string CertBundle = "OCI_CLI_CERT_BUNDLE";
    public const string FederationEndpoint = "OCI_CLI_FEDERATION_ENDPOINT";
    public const string Region = "OCI_CLI_REGION";
    public const string Endpoint = "OCI_CLI_ENDPOINT";
    public const string UseInstanceMetadataService = "OCI_CLI_USE_INSTANCE_METADATA_SERVICE";

    public static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
