namespace OciRaw.Tests;

/// <summary>
/// What the config depends on in the environment: <c>~</c> expansion (HOME), the <c>OCI_REGION</c> fallback and the
/// order in which the config file is looked for (explicit path, <c>~/.oci/config</c>, <c>OCI_CONFIG_FILE</c>).
/// </summary>
[Collection(EnvironmentTestGroup.Name)]
public sealed class ConfigEnvironmentTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly EnvironmentVariables _env = new();
    private readonly string _home;
    private readonly string _key;

    public ConfigEnvironmentTests()
    {
        _home = _dir.CreateDirectory("home");
        _key = _dir.CopyKey(TestKeys.Pkcs1);
        _env.Set("HOME", _home).Set(ConfigFileLocator.EnvironmentVariable, null).Set(OciConfig.RegionEnvironmentVariable, null);
    }

    public void Dispose()
    {
        _env.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void TildeInKeyFileIsTheHomeFolder()
    {
        string keyInHome = _dir.CopyKey(TestKeys.Pkcs1, "home/.oci/keys/api.pem");
        string path = _dir.Write("config", TestConfig.ApiKeyProfile("~/.oci/keys/api.pem"));

        OciConfig config = OciConfig.FromFile(path);
        var signer = Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(config));

        Assert.Equal(keyInHome, config.KeyFile);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, signer.Fingerprint);
    }

    [Fact]
    public void TildeInKeyFileFollowsHome()
    {
        // Same config, another HOME: the expanded path moves with it, which proves HOME is what is read.
        string path = _dir.Write("config", TestConfig.ApiKeyProfile("~/api.pem"));
        _dir.CopyKey(TestKeys.Pkcs1, "home/api.pem");
        string otherHome = _dir.CreateDirectory("other-home");
        string otherKey = _dir.CopyKey(TestKeys.Pkcs1, "other-home/api.pem");
        _env.Set("HOME", otherHome);

        Assert.Equal(otherKey, OciConfig.FromFile(path).KeyFile);
    }

    [Fact]
    public void TildeInTheConfigPathIsExpanded()
    {
        string path = _dir.Write("home/custom/config", TestConfig.ApiKeyProfile(_key));

        Assert.Equal(path, OciConfig.FromFile("~/custom/config").FilePath);
    }

    [Fact]
    public void OciRegionIsUsedWhenTheProfileHasNoRegion()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key).Replace("region = us-ashburn-1\n", string.Empty, StringComparison.Ordinal));
        _env.Set(OciConfig.RegionEnvironmentVariable, "ap-tokyo-1");

        OciConfig config = OciConfig.FromFile(path);

        Assert.Null(config["region"]);
        Assert.Equal("ap-tokyo-1", config.Region);
    }

    [Fact]
    public void OciRegionIsUsedWhenTheProfileRegionIsBlank()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key).Replace("region = us-ashburn-1", "region =", StringComparison.Ordinal));
        _env.Set(OciConfig.RegionEnvironmentVariable, "ap-tokyo-1");

        Assert.Equal("ap-tokyo-1", OciConfig.FromFile(path).Region);
    }

    [Fact]
    public void ProfileRegionWinsOverOciRegion()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + "[dev]\nregion = uk-london-1\n");
        _env.Set(OciConfig.RegionEnvironmentVariable, "ap-tokyo-1");

        Assert.Equal("us-ashburn-1", OciConfig.FromFile(path).Region);
        Assert.Equal("uk-london-1", OciConfig.FromFile(path, "dev").Region);
    }

    [Fact]
    public void RegionIsNullWithoutProfileRegionOrOciRegion()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key).Replace("region = us-ashburn-1\n", string.Empty, StringComparison.Ordinal));

        Assert.Null(OciConfig.FromFile(path).Region);
    }

    [Fact]
    public void AnExplicitPathWinsOverHomeAndOciConfigFile()
    {
        string explicitPath = _dir.Write("explicit", TestConfig.ApiKeyProfile(_key, section: "explicit"));
        _dir.Write("home/.oci/config", TestConfig.ApiKeyProfile(_key, section: "home"));
        _env.Set(ConfigFileLocator.EnvironmentVariable, _dir.Write("from-env", TestConfig.ApiKeyProfile(_key, section: "env")));

        OciConfig config = OciConfig.FromFile(explicitPath, "explicit");

        Assert.Equal(explicitPath, config.FilePath);
    }

    [Fact]
    public void WithoutAPathTheHomeConfigWinsOverOciConfigFile()
    {
        string homeConfig = _dir.Write("home/.oci/config", TestConfig.ApiKeyProfile(_key));
        _env.Set(ConfigFileLocator.EnvironmentVariable, _dir.Write("from-env", TestConfig.ApiKeyProfile(_key)));

        Assert.Equal(homeConfig, OciConfig.FromFile().FilePath);
    }

    [Fact]
    public void WithoutAPathOrHomeConfigOciConfigFileIsUsed()
    {
        string fromEnv = _dir.Write("from-env", TestConfig.ApiKeyProfile(_key));
        _env.Set(ConfigFileLocator.EnvironmentVariable, fromEnv);

        Assert.Equal(fromEnv, OciConfig.FromFile().FilePath);
    }

    [Fact]
    public void WithNoConfigAnywhereTheErrorNamesBothPlaces()
    {
        var e = Assert.Throws<OciConfigException>(() => OciConfig.FromFile());

        string expectedDefault = Path.Combine(_home, ".oci", "config");
        Assert.Equal(expectedDefault, e.FilePath);
        Assert.Contains(expectedDefault, e.Message, StringComparison.Ordinal);
        Assert.Contains("OCI_CONFIG_FILE", e.Message, StringComparison.Ordinal);
        Assert.Contains(OciConfigException.DocsUrl, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOciConfigFileThatDoesNotExistIsNamedInTheError()
    {
        string missing = _dir.PathOf("nowhere/config");
        _env.Set(ConfigFileLocator.EnvironmentVariable, missing);

        var e = Assert.Throws<OciConfigException>(() => OciConfig.FromFile());

        Assert.Equal(missing, e.FilePath);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains("OCI_CONFIG_FILE", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }
}
