namespace OciRaw.Tests;

/// <summary><c>--auth security_token</c> with a profile written by <c>oci session authenticate</c>.</summary>
public sealed class SessionTokenCliTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _tokenFile;
    private readonly string _keyFile;

    public SessionTokenCliTests()
    {
        _tokenFile = _folder.Write("token", TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "first") + "\n");
        _keyFile = _folder.Write("key.pem", File.ReadAllText(VectorFiles.KeyPath(VectorFiles.TestKey)), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_cli_signs_with_a_session_profile_and_redacts_the_token()
    {
        string token = File.ReadAllText(_tokenFile).Trim();
        string config = _folder.Write("config", $"[DEFAULT]\nkey_file={_keyFile}\ntenancy=ocid1.tenancy.oc1..aaaaaaaasession\nsecurity_token_file={_tokenFile}\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        CliResult signed = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", "--config-file", config, "--auth", "security_token", "--dry-run");
        CliResult mismatch = await CliRunner.RunAsync("raw-request", "--http-method", "GET", "--target-uri", "https://x.example.com/", "--config-file", config, "--dry-run");

        Assert.True(signed.ExitCode == 0, signed.ToString());
        Assert.Contains("keyId=\\\"ST$<redacted>\\\"", signed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(token, signed.Stdout + signed.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, mismatch.ExitCode);
        Assert.Contains("pass --auth security_token", mismatch.Stderr, StringComparison.Ordinal);
    }
}
