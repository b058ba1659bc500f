namespace OciRaw.Cli;

/// <summary>The API key values of OCI_CLI_USER, _TENANCY, _FINGERPRINT, _KEY_FILE, _KEY_CONTENT and _PASSPHRASE.</summary>
internal sealed record ApiKeyEnvironment(string? User, string? Tenancy, string? Fingerprint, string? KeyFile, string? KeyContent, string? PassPhrase)
{
    /// <summary>Enough to sign without a config file (the OCI CLI also wants OCI_CLI_REGION, which raw-request does not use).</summary>
    public bool IsComplete => User is not null && Tenancy is not null && Fingerprint is not null && (KeyFile is not null || KeyContent is not null);

    public bool Any => User is not null || Tenancy is not null || Fingerprint is not null || KeyFile is not null || KeyContent is not null || PassPhrase is not null;

    public static ApiKeyEnvironment Read() => new(
        CliEnvironment.Get(CliEnvironment.User),
        CliEnvironment.Get(CliEnvironment.Tenancy),
        CliEnvironment.Get(CliEnvironment.Fingerprint),
        CliEnvironment.Get(CliEnvironment.KeyFile),
        CliEnvironment.Get(CliEnvironment.KeyContent),
        CliEnvironment.Get(CliEnvironment.PassPhrase));

    /// <summary>The profile's values with every variable that is set taking precedence (build_config).</summary>
    public ApiKeyEnvironment Over(OciConfig config) => new(
        User ?? config.User,
        Tenancy ?? config.Tenancy,
        Fingerprint ?? config.Fingerprint,
        KeyContent is null ? KeyFile ?? config.KeyFile : KeyFile,
        KeyContent,
        PassPhrase ?? config.PassPhrase);

    public override string ToString() => $"ApiKeyEnvironment {{ User = {User}, Tenancy = {Tenancy}, Fingerprint = {Fingerprint}, KeyFile = {KeyFile}, KeyContent = {(KeyContent is null ? "null" : SecretRedaction.Redacted)}, PassPhrase = {(PassPhrase is null ? "null" : SecretRedaction.Redacted)} }}";
}
