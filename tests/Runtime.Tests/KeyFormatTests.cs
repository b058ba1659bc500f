using System.Security.Cryptography;

namespace OciRaw.Tests;

/// <summary>
/// Every accepted key format (PKCS#1, PKCS#8, encrypted PKCS#8, OpenSSL legacy encrypted with each cipher) loads to the
/// same key: same fingerprint, same signature as an independent implementation (BouncyCastle) computes.
/// </summary>
public sealed class KeyFormatTests
{
    public static TheoryData<string, string?> KeyFiles => new()
    {
        { TestKeys.Pkcs1, null },
        { TestKeys.Pkcs8, null },
        { TestKeys.EncryptedPkcs8, TestKeys.PassPhrase },
        { TestKeys.LegacyEncrypted, TestKeys.PassPhrase },
    };

    public static TheoryData<string> LegacyCiphers => new() { "AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "DES-EDE3-CBC" };

    [Theory]
    [MemberData(nameof(KeyFiles))]
    public async Task EveryFormatLoadsFromAFileAndSignsLikeBouncyCastle(string keyFile, string? passPhrase)
    {
        var signer = new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, TestKeys.PathOf(keyFile), passPhrase);

        OciSignature signature = await RequestSigning.SignSampleAsync(signer);

        Assert.Equal(TestKeys.Rsa2048Fingerprint, (await signer.GetCredentialsAsync()).KeyFingerprint);
        Assert.Equal(BouncyCastleKeys.Sign(TestKeys.Text(TestKeys.Pkcs1), signature.SigningString), signature.Signature);
        AssertVerifiesWithThePublicKey(signature);
    }

    [Theory]
    [MemberData(nameof(KeyFiles))]
    public async Task EveryFormatSignsIdenticallyFromPemText(string keyFile, string? passPhrase)
    {
        OciSignature reference = await RequestSigning.SignSampleAsync(
            ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, TestKeys.Text(TestKeys.Pkcs1)));

        OciSignature signature = await RequestSigning.SignSampleAsync(
            ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, TestKeys.Text(keyFile), passPhrase));

        Assert.Equal(reference.SigningString, signature.SigningString);
        Assert.Equal(reference.Authorization, signature.Authorization);
    }

    [Theory]
    [MemberData(nameof(LegacyCiphers))]
    public async Task LegacyEncryptedKeysWrittenByBouncyCastleLoadWithEachCipher(string cipher)
    {
        string pem = BouncyCastleKeys.EncryptLegacy(TestKeys.Text(TestKeys.Pkcs1), cipher, TestKeys.PassPhrase);
        Assert.Contains("Proc-Type: 4,ENCRYPTED", pem, StringComparison.Ordinal);
        Assert.Contains($"DEK-Info: {cipher},", pem, StringComparison.Ordinal);

        var signer = ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, pem, TestKeys.PassPhrase);
        OciSignature signature = await RequestSigning.SignSampleAsync(signer);

        Assert.Equal(TestKeys.Rsa2048Fingerprint, (await signer.GetCredentialsAsync()).KeyFingerprint);
        Assert.Equal(BouncyCastleKeys.Sign(TestKeys.Text(TestKeys.Pkcs1), signature.SigningString), signature.Signature);
    }

    [Theory]
    [MemberData(nameof(LegacyCiphers))]
    public void LegacyEncryptedKeysRejectAWrongPassPhraseWithEachCipher(string cipher)
    {
        string pem = BouncyCastleKeys.EncryptLegacy(TestKeys.Text(TestKeys.Pkcs1), cipher, TestKeys.PassPhrase);

        var e = Assert.Throws<OciKeyException>(() =>
            ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, pem, TestKeys.WrongPassPhrase));

        Assert.Equal(OciKeyError.WrongPassPhrase, e.Error);
    }

    [Theory]
    [MemberData(nameof(KeyFiles))]
    public void CrlfLineEndingsAndSurroundingWhitespaceAreAccepted(string keyFile, string? passPhrase)
    {
        string pem = "\r\n \t\r\n  " + TestKeys.Text(keyFile).Trim().ReplaceLineEndings("\r\n") + "  \r\n\r\n\t ";
        Assert.Contains("\r\n", pem, StringComparison.Ordinal);

        var signer = ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, pem, passPhrase);

        Assert.Equal(TestKeys.Rsa2048Fingerprint, signer.Fingerprint);
    }

    [Theory]
    [MemberData(nameof(KeyFiles))]
    public void CrlfKeyFilesAreAccepted(string keyFile, string? passPhrase)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("key.pem", TestKeys.Text(keyFile).ReplaceLineEndings("\r\n"), TestKeys.OwnerOnly);

        var signer = new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, path, passPhrase);

        Assert.Equal(TestKeys.Rsa2048Fingerprint, signer.Fingerprint);
    }

    [Fact]
    public void TextAroundThePemBlockIsIgnored()
    {
        // What `openssl pkcs12 -nodes` writes before a key.
        string pem = "Bag Attributes\n    localKeyID: 01 00 00 00\nKey Attributes: <No Attributes>\n" + TestKeys.Text(TestKeys.Pkcs8) + "trailing words\n";

        var signer = ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, pem);

        Assert.Equal(TestKeys.Rsa2048Fingerprint, signer.Fingerprint);
    }

    [Theory]
    [InlineData(TestKeys.Pkcs1)]
    [InlineData(TestKeys.Pkcs8)]
    public void APassPhraseGivenForAnUnencryptedKeyIsIgnored(string keyFile)
    {
        var fromFile = new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, TestKeys.PathOf(keyFile), "unused-pass-phrase");
        var fromPem = ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, TestKeys.Text(keyFile), "unused-pass-phrase");

        Assert.Equal(TestKeys.Rsa2048Fingerprint, fromFile.Fingerprint);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, fromPem.Fingerprint);
    }

    [Fact]
    public void APassPhraseInheritedFromDefaultIsIgnoredForAnUnencryptedKey()
    {
        using var dir = new TempDirectory();
        string encrypted = dir.CopyKey(TestKeys.EncryptedPkcs8);
        string plain = dir.CopyKey(TestKeys.Pkcs1);
        string path = dir.Write("config", TestConfig.ApiKeyProfile(encrypted, passPhrase: TestKeys.PassPhrase) + $"[plain]\nkey_file = {plain}\n");

        var withPassPhrase = Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(OciConfig.FromFile(path)));
        var inheritsPassPhrase = Assert.IsType<ApiKeySigner>(OciSigner.FromConfig(OciConfig.FromFile(path, "plain")));

        Assert.Equal(TestKeys.Rsa2048Fingerprint, withPassPhrase.Fingerprint);
        Assert.Equal(TestKeys.Rsa2048Fingerprint, inheritsPassPhrase.Fingerprint);
    }

    [Theory]
    [InlineData(TestKeys.Pkcs1, TestKeys.Rsa2048Fingerprint)]
    [InlineData(TestKeys.DocsKey, TestKeys.DocsKeyFingerprint)]
    public async Task FingerprintIsTheMd5OfTheSubjectPublicKeyInfo(string keyFile, string opensslFingerprint)
    {
        // Two independent references: the value openssl prints, and BouncyCastle's MD5 over its own SPKI encoding.
        Assert.Equal(opensslFingerprint, BouncyCastleKeys.Fingerprint(TestKeys.Text(keyFile)));

        var signer = ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, opensslFingerprint, TestKeys.Text(keyFile));

        Assert.Equal(opensslFingerprint, (await signer.GetCredentialsAsync()).KeyFingerprint);
        Assert.Equal($"{TestKeys.Tenancy}/{TestKeys.User}/{opensslFingerprint}", signer.KeyId);
    }

    [Fact]
    public void KeyFingerprintComputeMatchesBouncyCastleForAFreshKey()
    {
        using var rsa = RSA.Create(2048);
        string pem = rsa.ExportRSAPrivateKeyPem();

        Assert.Equal(BouncyCastleKeys.Fingerprint(pem), KeyFingerprint.Compute(rsa));
    }

    private static void AssertVerifiesWithThePublicKey(OciSignature signature)
    {
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(TestKeys.Text(TestKeys.PublicKey));
        Assert.True(IndependentVerifier.Verify(publicKey.ExportSubjectPublicKeyInfo(), signature.SigningString, signature.Signature));
    }
}
