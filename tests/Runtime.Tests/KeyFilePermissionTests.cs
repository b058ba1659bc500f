namespace OciRaw.Tests;

/// <summary>A key file that its group or others can read or write draws a warning (never an error), like the OCI CLI's.</summary>
public sealed class KeyFilePermissionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("644")]
    [InlineData("640")]
    [InlineData("604")]
    [InlineData("620")]
    [InlineData("602")]
    [InlineData("666")]
    public void AKeyFileOthersCanAccessDrawsAWarning(string octalMode)
    {
        string key = WriteKey(octalMode);
        OciConfig config = OciConfig.FromFile(_dir.Write("config", TestConfig.ApiKeyProfile(key)));
        var fromConfig = Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(config));
        var direct = new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, key);

        foreach (IReadOnlyList<string> warnings in new[] { config.Warnings, fromConfig.Warnings, direct.Warnings })
        {
            string warning = Assert.Single(warnings);
            Assert.Contains($"'{key}'", warning, StringComparison.Ordinal);
            Assert.Contains($"mode {octalMode}", warning, StringComparison.Ordinal);
            Assert.Contains($"chmod go-rwx {key}", warning, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("600")]
    [InlineData("400")]
    [InlineData("700")]
    public void AnOwnerOnlyKeyFileDrawsNoWarning(string octalMode)
    {
        string key = WriteKey(octalMode);
        OciConfig config = OciConfig.FromFile(_dir.Write("config", TestConfig.ApiKeyProfile(key)));
        var fromConfig = Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(config));
        var direct = new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, key);

        Assert.Empty(config.Warnings);
        Assert.Empty(fromConfig.Warnings);
        Assert.Empty(direct.Warnings);
    }

    [Fact]
    public void AKeyGivenAsPemTextDrawsNoWarning() =>
        Assert.Empty(ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, TestKeys.Text(TestKeys.Pkcs1)).Warnings);

    [Fact]
    public void AKeyFileWithModeZeroFailsUnlessTheProcessMayReadAnyFile()
    {
        string key = WriteKey("000");
        // root (CAP_DAC_OVERRIDE) reads a mode-000 file anyway; find out which case applies rather than assume.
        bool readable = CanOpen(key);

        if (readable)
        {
            var signer = new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, key);
            Assert.Equal(TestKeys.Rsa2048Fingerprint, signer.Fingerprint);
            Assert.Empty(signer.Warnings);
        }
        else
        {
            var e = Assert.Throws<OciKeyException>(() => new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, key));
            Assert.Equal(OciKeyError.FileUnreadable, e.Error);
            Assert.Contains($"'{key}' cannot be read", e.Message, StringComparison.Ordinal);
        }
    }

    private string WriteKey(string octalMode) =>
        _dir.Write("key.pem", TestKeys.Text(TestKeys.Pkcs1), (UnixFileMode)Convert.ToInt32(octalMode, 8));

    private static bool CanOpen(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
