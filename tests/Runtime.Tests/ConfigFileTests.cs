namespace OciRaw.Tests;

/// <summary>The config file format: profiles, DEFAULT inheritance, separators, comments, case, whitespace, encodings.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _key;

    public ConfigFileTests() => _key = _dir.CopyKey(TestKeys.Pkcs1);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadsEveryKeyOfTheDefaultProfile()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key));

        OciConfig config = OciConfig.FromFile(path);

        Assert.Equal(path, config.FilePath);
        Assert.Equal("DEFAULT", config.Profile);
        Assert.Equal(TestKeys.User, config.User);
        Assert.Equal(TestKeys.Tenancy, config.Tenancy);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, config.Fingerprint);
        Assert.Equal(_key, config.KeyFile);
        Assert.Equal("us-ashburn-1", config.Region);
        Assert.Null(config.PassPhrase);
        Assert.Null(config.SecurityTokenFile);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void ReadsTheNamedProfileOnly()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + """
            [prod]
            user = ocid1.user.oc1..prod
            region = eu-frankfurt-1
            [dev]
            user = ocid1.user.oc1..dev
            region = uk-london-1
            """);

        OciConfig prod = OciConfig.FromFile(path, "prod");
        OciConfig dev = OciConfig.FromFile(path, "dev");
        OciConfig defaults = OciConfig.FromFile(path);

        Assert.Equal(("prod", "ocid1.user.oc1..prod", "eu-frankfurt-1"), (prod.Profile, prod.User, prod.Region));
        Assert.Equal(("dev", "ocid1.user.oc1..dev", "uk-london-1"), (dev.Profile, dev.User, dev.Region));
        Assert.Equal((TestKeys.User, "us-ashburn-1"), (defaults.User, defaults.Region));
    }

    [Fact]
    public void NamedProfileInheritsEachMissingKeyFromDefault()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + """
            custom = from-default
            other = default-other
            [dev]
            user = ocid1.user.oc1..dev
            other = dev-other
            """);

        OciConfig dev = OciConfig.FromFile(path, "dev");

        Assert.Equal("ocid1.user.oc1..dev", dev.User);
        Assert.Equal(TestKeys.Tenancy, dev.Tenancy);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, dev.Fingerprint);
        Assert.Equal(_key, dev.KeyFile);
        Assert.Equal("us-ashburn-1", dev.Region);
        Assert.Equal("from-default", dev["custom"]);
        Assert.Equal("dev-other", dev["other"]);
    }

    [Fact]
    public void DefaultProfileDoesNotSeeKeysOfNamedProfiles()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + "[dev]\nonly_in_dev = x\nregion = uk-london-1\n");

        OciConfig defaults = OciConfig.FromFile(path);

        Assert.Null(defaults["only_in_dev"]);
        Assert.Equal("us-ashburn-1", defaults.Region);
    }

    [Fact]
    public async Task NamedProfileWorksWithoutAnyDefaultSection()
    {
        string path = _dir.Write("config", "# no [DEFAULT] here\n" + TestConfig.ApiKeyProfile(_key, section: "dev"));

        OciConfig dev = OciConfig.FromFile(path, "dev");
        var signer = Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(dev));

        Assert.Equal(TestKeys.User, dev.User);
        Assert.Equal($"{TestKeys.Tenancy}/{TestKeys.User}/{TestKeys.Rsa2048Fingerprint}", signer.KeyId);
        Assert.Contains($"keyId=\"{signer.KeyId}\"", (await RequestSigning.SignSampleAsync(signer)).Authorization, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("custom = plain", "plain")]
    [InlineData("custom: plain", "plain")]
    [InlineData("custom=plain", "plain")]
    [InlineData("custom:plain", "plain")]
    [InlineData("custom = a=b==", "a=b==")]
    [InlineData("custom: a=b", "a=b")]
    [InlineData("custom = x: y", "x: y")]
    [InlineData("custom = https://host:443/p?q=1", "https://host:443/p?q=1")]
    [InlineData("custom = \"quoted\"", "\"quoted\"")]
    [InlineData("custom = value # not a comment", "value # not a comment")]
    [InlineData("custom = value ; not a comment", "value ; not a comment")]
    public void SplitsAtTheFirstSeparatorAndKeepsTheValueVerbatim(string line, string expected)
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + line + "\n");

        Assert.Equal(expected, OciConfig.FromFile(path)["custom"]);
    }

    [Fact]
    public void SkipsHashAndSemicolonCommentLines()
    {
        // The first comment sits before any header and has a separator: read as a key, it would be an error.
        string path = _dir.Write("config", TestConfig.Fill("""
            # comment = before any profile
            ; another: comment
            [DEFAULT]
            ; user = ocid1.user.oc1..commentedout
               # indented = comment
            TAB; tab-indented = comment
            user = {user}
            #user = ocid1.user.oc1..duplicate-if-read
            fingerprint = {fingerprint}
            key_file = {key}
            tenancy = {tenancy}
            """.Replace("TAB", "\t", StringComparison.Ordinal), _key));

        OciConfig config = OciConfig.FromFile(path);

        Assert.Equal(TestKeys.User, config.User);
        Assert.Null(config["# comment"]);
        Assert.Null(config["indented"]);
    }

    [Fact]
    public void KeysAreCaseInsensitive()
    {
        string path = _dir.Write("config", TestConfig.Fill("""
            [DEFAULT]
            USER = {user}
            Fingerprint: {fingerprint}
            KEY_FILE = {key}
            TeNaNcY = {tenancy}
            Region = sa-saopaulo-1
            """, _key));

        OciConfig config = OciConfig.FromFile(path);

        Assert.Equal(TestKeys.User, config.User);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, config.Fingerprint);
        Assert.Equal(_key, config.KeyFile);
        Assert.Equal(TestKeys.Tenancy, config.Tenancy);
        Assert.Equal("sa-saopaulo-1", config["REGION"]);
        Assert.Equal("sa-saopaulo-1", config["region"]);
    }

    [Fact]
    public void ProfileNamesAreCaseSensitive()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + "[dev]\nregion = r-lower\n[DEV]\nregion = r-upper\n");

        Assert.Equal("r-lower", OciConfig.FromFile(path, "dev").Region);
        Assert.Equal("r-upper", OciConfig.FromFile(path, "DEV").Region);
    }

    [Fact]
    public void TrimsWhitespaceAroundHeadersKeysAndValues()
    {
        string path = _dir.Write("config", TestConfig.Fill(
            "  [ dev ]  \n" +
            "\t user \t=\t {user} \t\n" +
            "   fingerprint   :   {fingerprint}   \n" +
            "key_file=   {key}\t\n" +
            "tenancy\t= {tenancy}\n" +
            "   \n" +
            "custom =   two  words   \n", _key));

        OciConfig config = OciConfig.FromFile(path, "  dev ");

        Assert.Equal("dev", config.Profile);
        Assert.Equal(TestKeys.User, config.User);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, config.Fingerprint);
        Assert.Equal(_key, config.KeyFile);
        Assert.Equal(TestKeys.Tenancy, config.Tenancy);
        Assert.Equal("two  words", config["custom"]);
    }

    [Fact]
    public void ReadsCrlfFiles()
    {
        string text = (TestConfig.ApiKeyProfile(_key) + "custom = last\n").ReplaceLineEndings("\r\n");
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        string path = _dir.Write("config", text);

        OciConfig config = OciConfig.FromFile(path);

        Assert.Equal(_key, config.KeyFile);
        Assert.Equal(TestKeys.Tenancy, config.Tenancy);
        Assert.Equal("last", config["custom"]);
        Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(config));
    }

    [Fact]
    public void ReadsFilesThatStartWithAUtf8ByteOrderMark()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        string path = _dir.WriteBytes("config", [.. bom, .. System.Text.Encoding.UTF8.GetBytes(TestConfig.ApiKeyProfile(_key))]);

        OciConfig config = OciConfig.FromFile(path);

        Assert.Equal(TestKeys.User, config.User);
    }

    [Fact]
    public void ParserIgnoresAByteOrderMarkLeftInTheText()
    {
        // File.ReadAllText strips a BOM itself; the parser must cope when text arrives with one anyway.
        ConfigFileParser.Result result = ConfigFileParser.Parse("\uFEFF[DEFAULT]\nuser = u\n");

        Assert.Empty(result.Problems);
        Assert.Equal("u", result.Sections["DEFAULT"]["user"].Value);
    }

    [Fact]
    public void IndexerReadsAnyKeyCaseInsensitivelyWithInheritance()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + """
            log_requests = true
            blank =
            [dev]
            Additional_User_Agent = my-tool/1.0
            """);

        OciConfig dev = OciConfig.FromFile(path, "dev");

        Assert.Equal("true", dev["log_requests"]);
        Assert.Equal("true", dev["LOG_REQUESTS"]);
        Assert.Equal("true", dev["  log_requests "]);
        Assert.Equal("my-tool/1.0", dev["additional_user_agent"]);
        Assert.Equal(TestKeys.Tenancy, dev["tenancy"]);
        Assert.Null(dev["blank"]);
        Assert.Null(dev["absent"]);
        Assert.Throws<ArgumentNullException>(() => dev[null!]);
    }

    [Fact]
    public async Task FingerprintIsNormalisedToLowercase()
    {
        string upper = TestKeys.Rsa2048Fingerprint.ToUpperInvariant();
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key).Replace(TestKeys.Rsa2048Fingerprint, upper, StringComparison.Ordinal));

        OciConfig config = OciConfig.FromFile(path);
        var signer = Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(config));

        Assert.Equal(upper, config["fingerprint"]);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, config.Fingerprint);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, signer.Fingerprint);
        Assert.EndsWith("/" + TestKeys.Rsa2048Fingerprint, signer.KeyId, StringComparison.Ordinal);
        Assert.Contains(TestKeys.Rsa2048Fingerprint + "\"", (await RequestSigning.SignSampleAsync(signer)).Authorization, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pass_phrase")]
    [InlineData("passphrase")]
    [InlineData("PASS_PHRASE")]
    public void PassPhraseIsReadUnderEitherNameAndRedactedInToString(string name)
    {
        const string Secret = "s3cret-Pass-Phrase";
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + $"{name} = {Secret}\n");

        OciConfig config = OciConfig.FromFile(path);
        string text = config.ToString();

        Assert.Equal(Secret, config.PassPhrase);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains($"{name.ToLowerInvariant()} = <redacted>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringShowsFileProfileAndKeysInFileOrder()
    {
        string path = _dir.Write("config", TestConfig.ApiKeyProfile(_key) + "[dev]\nregion = uk-london-1\n");

        string text = OciConfig.FromFile(path, "dev").ToString();

        Assert.Contains(path, text, StringComparison.Ordinal);
        Assert.Contains("Profile = dev", text, StringComparison.Ordinal);
        Assert.Contains($"user = {TestKeys.User}", text, StringComparison.Ordinal);
        Assert.Contains("region = uk-london-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("us-ashburn-1", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("user =", StringComparison.Ordinal) < text.IndexOf("tenancy =", StringComparison.Ordinal));
    }

    [Fact]
    public void SessionTokenProfileNeedsNoUserOrFingerprint()
    {
        string token = _dir.Write("token", "eyJhbGciOi.payload.signature");
        string path = _dir.Write("config", TestConfig.Fill("""
            [session]
            key_file = {key}
            tenancy = {tenancy}
            security_token_file = TOKEN
            """, _key).Replace("TOKEN", token, StringComparison.Ordinal));

        OciConfig config = OciConfig.FromFile(path, "session");

        Assert.Equal(token, config.SecurityTokenFile);
        Assert.Null(config.User);
    }

    [Fact]
    public void InstancePrincipalProfileNeedsNoKeys()
    {
        string path = _dir.Write("config", "[cloudshell]\nauthentication_type = instance_principal\nregion = us-ashburn-1\n");

        OciConfig config = OciConfig.FromFile(path, "cloudshell");

        Assert.Equal("instance_principal", config["authentication_type"]);
        Assert.Null(config.KeyFile);
    }
}
