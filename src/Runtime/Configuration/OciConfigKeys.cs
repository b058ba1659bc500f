namespace OciRaw;

/// <summary>The config-file keys OciRaw reads (lowercase; keys are case-insensitive in the file).</summary>
internal static class OciConfigKeys
{
    public const string Tenancy = "tenancy";
    public const string User = "user";
    public const string Fingerprint = "fingerprint";
    public const string KeyFile = "key_file";
    public const string PassPhrase = "pass_phrase";
    public const string PassPhraseAlias = "passphrase";
    public const string Region = "region";
    public const string SecurityTokenFile = "security_token_file";
    public const string KeyContent = "key_content";
    public const string AuthenticationType = "authentication_type";
    public const string DelegationTokenFile = "delegation_token_file";

    /// <summary>Keys whose values are secrets and never appear in messages.</summary>
    public static bool IsSecret(string key) => key is PassPhrase or PassPhraseAlias or KeyContent;
}
