namespace OciRaw.Tests;

/// <summary>Config file text for tests.</summary>
internal static class TestConfig
{
    /// <summary>
    /// Replaces the placeholders <c>{user}</c>, <c>{tenancy}</c>, <c>{fingerprint}</c> (of test_rsa2048) and
    /// <c>{key}</c> (a path) so that templates keep their line numbers visible.
    /// </summary>
    public static string Fill(string template, string keyFile) =>
        template
            .Replace("{user}", TestKeys.User, StringComparison.Ordinal)
            .Replace("{tenancy}", TestKeys.Tenancy, StringComparison.Ordinal)
            .Replace("{fingerprint}", TestKeys.Rsa2048Fingerprint, StringComparison.Ordinal)
            .Replace("{key}", keyFile, StringComparison.Ordinal);

    /// <summary>A complete API-key profile for test_rsa2048 (lines: header, user, fingerprint, key_file, tenancy, region).</summary>
    public static string ApiKeyProfile(string keyFile, string section = OciConfig.DefaultProfile, string? passPhrase = null) =>
        Fill($$"""
            [{{section}}]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {key}
            tenancy = {tenancy}
            region = us-ashburn-1
            """, keyFile)
        + (passPhrase is null ? string.Empty : $"\npass_phrase = {passPhrase}") + "\n";
}
