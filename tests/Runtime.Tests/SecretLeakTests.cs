using System.Security.Cryptography;

namespace OciRaw.Tests;

/// <summary>Pass phrases, security tokens and key bytes never show up in ToString() or in exception messages.</summary>
public sealed class SecretLeakTests : IDisposable
{
    private const string Token = "eyJhbGciOiJSUzI1NiIsImtpZCI6InNlY3JldCJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLXNlY3JldA";

    private readonly TempDirectory _dir = new();
    private readonly string _encryptedKey;

    public SecretLeakTests() => _encryptedKey = _dir.CopyKey(TestKeys.EncryptedPkcs8);

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> BrokenProfiles => new()
    {
        "fingerprint does not match",
        "key encrypted with another pass phrase",
        "key file holds a public key",
        "key file is not a key",
        "tenancy is not an OCID",
        "pass_phrase set twice",
    };

    private static IEnumerable<string> Secrets => [TestKeys.PassPhrase, .. TestKeys.AllKeyMaterial()];

    [Fact]
    public async Task AWorkingProfileWithAPassPhraseShowsItNowhere()
    {
        OciConfig config = OciConfig.FromFile(_dir.Write("config", TestConfig.ApiKeyProfile(_encryptedKey, passPhrase: TestKeys.PassPhrase)));
        var signer = Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(config));
        OciCredentials credentials = await signer.GetCredentialsAsync();
        OciSignature signature = await RequestSigning.SignSampleAsync(signer);

        Assert.Equal(TestKeys.PassPhrase, config.PassPhrase);
        Assert.Contains(signer.KeyId, signer.ToString(), StringComparison.Ordinal);
        Assert.Contains(signer.KeyId, credentials.ToString(), StringComparison.Ordinal);
        SecretAssert.NotIn([config.ToString(), signer.ToString(), credentials.ToString(), signature.ToString(), signature.Authorization, signature.SigningString], Secrets);
    }

    [Theory]
    [MemberData(nameof(BrokenProfiles))]
    public void ErrorsOfAProfileWithAPassPhraseDoNotShowIt(string broken)
    {
        string profile = TestConfig.ApiKeyProfile(_encryptedKey, passPhrase: TestKeys.PassPhrase);
        string path = _dir.Write("config", broken switch
        {
            "fingerprint does not match" => profile.Replace(TestKeys.Rsa2048Fingerprint, TestKeys.OtherFingerprint, StringComparison.Ordinal),
            "key encrypted with another pass phrase" => profile.Replace(_encryptedKey, _dir.Write("other.pem",
                BouncyCastleKeys.EncryptLegacy(TestKeys.Text(TestKeys.Pkcs1), "AES-128-CBC", "another-pass-phrase")), StringComparison.Ordinal),
            "key file holds a public key" => profile.Replace(_encryptedKey, _dir.CopyKey(TestKeys.PublicKey), StringComparison.Ordinal),
            "key file is not a key" => profile.Replace(_encryptedKey, _dir.Write("notes.txt", "some notes"), StringComparison.Ordinal),
            "tenancy is not an OCID" => profile.Replace(TestKeys.Tenancy, "tenancy", StringComparison.Ordinal),
            "pass_phrase set twice" => profile + $"pass_phrase = {TestKeys.PassPhrase}\n",
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        });

        var e = Assert.Throws<OciConfigException>(() => OciSigner.FromConfig(OciConfig.FromFile(path)));

        SecretAssert.NotIn(e, Secrets);
    }

    [Theory]
    [InlineData(TestKeys.Pkcs1, TestKeys.OtherFingerprint)]
    [InlineData(TestKeys.EncryptedPkcs8, TestKeys.OtherFingerprint)]
    [InlineData(TestKeys.LegacyEncrypted, TestKeys.OtherFingerprint)]
    [InlineData(TestKeys.PublicKey, TestKeys.Rsa2048Fingerprint)]
    public void SignerErrorsDoNotShowThePassPhrase(string keyFile, string fingerprint)
    {
        var fromFile = Assert.Throws<OciKeyException>(() => new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, fingerprint, TestKeys.PathOf(keyFile), TestKeys.PassPhrase));
        var fromPem = Assert.Throws<OciKeyException>(() => ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, fingerprint, TestKeys.Text(keyFile), TestKeys.PassPhrase));

        SecretAssert.NotIn(fromFile, Secrets);
        SecretAssert.NotIn(fromPem, Secrets);
    }

    [Fact]
    public void CredentialsWithATokenKeyIdRedactTheToken()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestKeys.Text(TestKeys.Pkcs1));

        var credentials = new OciCredentials("ST$" + Token, rsa);
        string text = credentials.ToString();

        Assert.Equal("ST$" + Token, credentials.KeyId);
        Assert.Contains("KeyId = ST$<redacted>", text, StringComparison.Ordinal);
        Assert.Contains(TestKeys.Rsa2048Fingerprint, text, StringComparison.Ordinal);
        SecretAssert.NotIn([text], [Token, .. TestKeys.AllKeyMaterial()]);
    }

    [Fact]
    public void CredentialsWithAnApiKeyIdShowItInFull()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestKeys.Text(TestKeys.Pkcs1));
        string keyId = $"{TestKeys.Tenancy}/{TestKeys.User}/{TestKeys.Rsa2048Fingerprint}";

        Assert.Contains($"KeyId = {keyId}", new OciCredentials(keyId, rsa).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RedactAuthorizationHidesOnlyTheToken()
    {
        const string Before = "Signature version=\"1\",headers=\"date (request-target) host\",keyId=\"ST$";
        const string After = "\",algorithm=\"rsa-sha256\",signature=\"c2lnbmF0dXJl\"";

        Assert.Equal(Before + "<redacted>" + After, SecretRedaction.RedactAuthorization(Before + Token + After));
    }

    [Theory]
    [InlineData("Signature version=\"1\",headers=\"date\",keyId=\"ocid1.tenancy.oc1..a/ocid1.user.oc1..b/a1:48\",algorithm=\"rsa-sha256\",signature=\"x\"")]
    [InlineData("Bearer abc")]
    [InlineData("")]
    public void RedactAuthorizationLeavesApiKeyAuthorizationAlone(string authorization) =>
        Assert.Equal(authorization, SecretRedaction.RedactAuthorization(authorization));

    [Fact]
    public void RedactAuthorizationHidesATokenWithoutClosingQuote() =>
        Assert.Equal("keyId=\"ST$<redacted>", SecretRedaction.RedactAuthorization("keyId=\"ST$" + Token));

    [Fact]
    public void RedactSigningStringHidesSecretHeaderValuesOnly()
    {
        string signingString = string.Join('\n',
            "date: Tue, 04 Mar 2025 10:15:30 GMT",
            "(request-target): get /n/ns/b/bucket/o",
            "host: objectstorage.us-ashburn-1.oraclecloud.com",
            "opc-obo-token: " + Token,
            "x-security-token: " + Token + "2",
            "x-content-sha256: 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");

        string redacted = SecretRedaction.RedactSigningString(signingString);

        Assert.Equal(string.Join('\n',
            "date: Tue, 04 Mar 2025 10:15:30 GMT",
            "(request-target): get /n/ns/b/bucket/o",
            "host: objectstorage.us-ashburn-1.oraclecloud.com",
            "opc-obo-token: <redacted>",
            "x-security-token: <redacted>",
            "x-content-sha256: 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="), redacted);
    }

    [Theory]
    [InlineData("opc-obo-token")]
    [InlineData("X-Security-Token")]
    [InlineData("Cookie")]
    [InlineData("proxy-authorization")]
    public void RedactHeaderValueHidesSecretHeaders(string name) =>
        Assert.Equal("<redacted>", SecretRedaction.RedactHeaderValue(name, Token));

    [Fact]
    public void RedactHeaderValueRedactsTheTokenInAuthorization() =>
        Assert.Equal("Signature keyId=\"ST$<redacted>\",signature=\"s\"", SecretRedaction.RedactHeaderValue("Authorization", $"Signature keyId=\"ST${Token}\",signature=\"s\""));

    [Theory]
    [InlineData("date", "Tue, 04 Mar 2025 10:15:30 GMT")]
    [InlineData("content-type", "application/json")]
    [InlineData("opc-request-id", "ST$not-a-key-id")]
    public void RedactHeaderValueKeepsOrdinaryHeaders(string name, string value) =>
        Assert.Equal(value, SecretRedaction.RedactHeaderValue(name, value));

    [Fact]
    public async Task ASignatureMadeWithATokenShowsItOnlyInTheHeaderItself()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestKeys.Text(TestKeys.Pkcs1));
        var credentials = new OciCredentials("ST$" + Token, rsa);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iaas.us-ashburn-1.oraclecloud.com/20160918/instances");

        OciSignature signature = await OciRequestSigner.SignAsync(request, credentials, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Contains(Token, signature.Authorization, StringComparison.Ordinal);
        SecretAssert.NotIn([signature.ToString(), SecretRedaction.RedactAuthorization(signature.Authorization)], [Token]);
    }
}
