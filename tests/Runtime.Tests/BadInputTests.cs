using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace OciRaw.Tests;

/// <summary>
/// Broken config files and keys, one named case each. Every case checks the exception type (and <see cref="OciKeyError"/>
/// for keys), the words of the message that matter (file, profile, key, line, what is wrong) and that no pass phrase and
/// no key material appears anywhere in the exception. Config cases go through <see cref="OciConfig.FromFile"/> and
/// <see cref="OciSigner.FromConfig"/>; key cases through <see cref="ApiKeySigner.FromPem"/> or the file constructor.
/// </summary>
public sealed partial class BadInputTests
{
    private static readonly string[] CommonSecrets = [TestKeys.PassPhrase, TestKeys.WrongPassPhrase, .. TestKeys.AllKeyMaterial()];

    private static readonly BadCase[] Cases =
    [
        // ---- The config file itself ----
        ConfigAt("config file does not exist", dir => dir.PathOf("missing/config"), "{path}", "does not exist"),
        ConfigAt("config path is a directory", dir => dir.CreateDirectory("config.d"), "{path}", "is a directory"),
        ConfigAt("config file read fails with an I/O error", dir => dir.CreateUnreadableFile("config"), "{path}", "cannot be read", "Input/output error"),
        Config("config file is empty", "", ["[DEFAULT]", "no profiles"]),
        Config("config file holds only comments", "# nothing here\n; or here = x\n", ["[DEFAULT]", "no profiles"]),

        // ---- Syntax ----
        Config("key before any profile header", """
            user = {user}
            [DEFAULT]
            tenancy = {tenancy}
            """, ["line 1, user:", "before any [profile] header"], at: ("user", 1)),
        Config("line without a separator", """
            [DEFAULT]
            user = {user}
            {pass}
            """, ["line 3", "neither a [profile] header"], at: (null, 3)),
        Config("value without a key", """
            [DEFAULT]
            user = {user}
            = {pass}
            """, ["line 3", "no key"], at: (null, 3)),
        Config("empty profile name []", """
            []
            user = {user}
            tenancy = {tenancy}
            """, ["line 1", "empty name"], at: (null, 1)),
        Config("profile header without closing bracket", """
            [DEFAULT
            user = {user}
            tenancy = {tenancy}
            """, ["line 1", "closing ']' is missing"], at: (null, 1)),
        Config("text after a profile header", """
            [DEFAULT] # my account
            user = {user}
            """, ["line 1: a profile header must look like [NAME] with nothing after the ']'"], at: (null, 1)),
        Config("duplicate key", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            user = ocid1.user.oc1..other
            """, ["line 4, user: set twice in profile [DEFAULT] (first at line 2)"], at: ("user", 4)),
        Config("duplicate key differing only in case", """
            [DEFAULT]
            user = {user}
            pass_phrase = {pass}
            PASS_PHRASE = {wrongpass}
            """, ["line 4, pass_phrase: set twice in profile [DEFAULT] (first at line 3)"], at: ("pass_phrase", 4)),
        Config("duplicate profile", """
            [DEFAULT]
            region = us-ashburn-1
            [dev]
            region = uk-london-1
            [dev]
            user = {user}
            """, ["line 5", "[dev]", "defined twice", "first at line 3"], at: (null, 5)),

        // ---- Profile selection ----
        Config("profile not found", """
            [DEFAULT]
            user = {user}
            [prod]
            region = eu-frankfurt-1
            """, ["[dev]", "not found", "[DEFAULT], [prod]"], profile: "dev"),
        Config("DEFAULT asked for but absent", """
            [dev]
            user = {user}
            [prod]
            user = {user}
            """, ["Profile [DEFAULT]", "profile [DEFAULT] was not found", "profiles in the file: [dev], [prod]"]),
        Config("profile name differs only in case", """
            [DEFAULT]
            user = {user}
            [DEV]
            region = eu-frankfurt-1
            """, ["[dev]", "not found", "case-sensitive", "did you mean [DEV]"], profile: "dev"),

        // ---- Validation of the profile ----
        Config("user, fingerprint, key_file and tenancy missing", """
            [DEFAULT]
            region = us-ashburn-1
            pass_phrase = {pass}
            """, ["Profile [DEFAULT]", "4 problems", "user: the user OCID is missing from [DEFAULT]", "fingerprint: ", "key_file: ", "tenancy: "], problems: 4),
        Config("keys missing in a named profile", """
            [DEFAULT]
            tenancy = {tenancy}
            [dev]
            region = uk-london-1
            """, ["Profile [dev]", "3 problems", "user: the user OCID is missing from both [dev] and [DEFAULT]", "fingerprint: ", "key_file: "], profile: "dev", problems: 3),
        Config("tenancy is not an OCID", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {key}
            tenancy = my-tenancy
            """, ["line 5, tenancy: 'my-tenancy' is not an OCID"], at: ("tenancy", 5)),
        Config("user is not an OCID", """
            [DEFAULT]
            user = ocid1.user
            fingerprint = {fingerprint}
            key_file = {key}
            tenancy = {tenancy}
            """, ["line 2, user: 'ocid1.user' is not an OCID"], at: ("user", 2)),
        Config("fingerprint too short", """
            [DEFAULT]
            user = {user}
            fingerprint = a1:48:44:36
            key_file = {key}
            tenancy = {tenancy}
            """, ["line 3, fingerprint: 'a1:48:44:36' is not a key fingerprint"], at: ("fingerprint", 3)),
        Config("fingerprint not hex", """
            [DEFAULT]
            user = {user}
            fingerprint = zz:48:44:36:f7:bd:31:20:06:6a:4b:fb:2d:0c:72:c1
            key_file = {key}
            tenancy = {tenancy}
            """, ["line 3, fingerprint: 'zz:48:44:36:f7:bd:31:20:06:6a:4b:fb:2d:0c:72:c1' is not a key fingerprint"], at: ("fingerprint", 3)),
        Config("key_file does not exist", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {dir}/nowhere/key.pem
            tenancy = {tenancy}
            """, ["line 4, key_file: the private key file '{dir}/nowhere/key.pem' does not exist"], at: ("key_file", 4)),
        Config("key_file is a directory", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {dir}
            tenancy = {tenancy}
            """, ["line 4, key_file: the private key file '{dir}' is a directory"], at: ("key_file", 4)),
        Config("key_content in the config file", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {key}
            tenancy = {tenancy}
            key_content = {keyline}
            """, ["line 6, key_content:", "cannot be used in a config file", "set key_file"], at: ("key_content", 6)),
        Config("unknown authentication_type", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {key}
            tenancy = {tenancy}
            authentication_type = password
            """, ["line 6, authentication_type: 'password' is not an authentication type"], at: ("authentication_type", 6)),
        Config("bad value inherited from DEFAULT", """
            [DEFAULT]
            tenancy = not-an-ocid
            [dev]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {key}
            """, ["Profile [dev]", "line 2, tenancy: 'not-an-ocid' is not an OCID", "(inherited from [DEFAULT])"], profile: "dev", at: ("tenancy", 2)),
        Config("several problems reported together", """
            [DEFAULT]
            fingerprint = nope
            key_file = {dir}/missing.pem
            tenancy = nope
            """, ["4 problems", "line 2, fingerprint:", "line 3, key_file:", "line 4, tenancy:", "user: the user OCID is missing"], problems: 4),

        // ---- Profiles OciSigner.FromConfig cannot sign with ----
        Config("session-token file holding a key, not a token", """
            [DEFAULT]
            key_file = {key}
            tenancy = {tenancy}
            security_token_file = {key}
            """, ["line 4, security_token_file:", "does not hold a session token"], at: ("security_token_file", 4)),
        Config("instance-principal profile whose delegation token file is missing", """
            [DEFAULT]
            region = us-ashburn-1
            authentication_type = instance_principal
            delegation_token_file = /nonexistent/delegation_token
            """, ["line 4, delegation_token_file:", "'/nonexistent/delegation_token' does not exist"], at: ("delegation_token_file", 4)),

        // ---- Key problems found by OciSigner.FromConfig ----
        Config("fingerprint does not match the key", """
            [DEFAULT]
            user = {user}
            fingerprint = 20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34
            key_file = {key}
            tenancy = {tenancy}
            pass_phrase = {pass}
            """, ["line 3, fingerprint:", TestKeys.OtherFingerprint, TestKeys.Rsa2048Fingerprint, "{key}"],
            at: ("fingerprint", 3), inner: OciKeyError.FingerprintMismatch),
        Config("encrypted key without pass_phrase", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {dir}/encrypted.pem
            tenancy = {tenancy}
            """, ["line 4, key_file:", "{dir}/encrypted.pem", "needs a pass phrase", "pass_phrase"],
            at: ("key_file", 4), inner: OciKeyError.PassPhraseRequired, files: dir => dir.CopyKey(TestKeys.EncryptedPkcs8, "encrypted.pem")),
        Config("encrypted key with the wrong pass_phrase", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {dir}/legacy.pem
            tenancy = {tenancy}
            pass_phrase = {wrongpass}
            """, ["line 6, pass_phrase:", "{dir}/legacy.pem", "incorrect"],
            at: ("pass_phrase", 6), inner: OciKeyError.WrongPassPhrase, files: dir => dir.CopyKey(TestKeys.LegacyEncrypted, "legacy.pem")),
        Config("key_file inherited from DEFAULT is not a key", """
            [DEFAULT]
            key_file = {dir}/notes.txt
            [dev]
            user = {user}
            fingerprint = {fingerprint}
            tenancy = {tenancy}
            """, ["Profile [dev]", "line 2, key_file:", "{dir}/notes.txt", "not a PEM-encoded private key", "(inherited from [DEFAULT])"],
            profile: "dev", at: ("key_file", 2), inner: OciKeyError.NotPem, files: dir => dir.Write("notes.txt", "just some notes\n")),
        Config("key_file read fails with an I/O error", """
            [DEFAULT]
            user = {user}
            fingerprint = {fingerprint}
            key_file = {dir}/unreadable.pem
            tenancy = {tenancy}
            """, ["line 4, key_file:", "{dir}/unreadable.pem", "cannot be read"],
            at: ("key_file", 4), inner: OciKeyError.FileUnreadable, files: dir => dir.CreateUnreadableFile("unreadable.pem")),

        // ---- Key files given to the ApiKeySigner constructor ----
        KeyFile("key file does not exist", OciKeyError.FileNotFound, dir => dir.PathOf("missing.pem"), "'{path}' does not exist"),
        KeyFile("key file path runs through a regular file", OciKeyError.FileNotFound, dir => Path.Combine(dir.Write("plain", "x"), "key.pem"), "'{path}' does not exist"),
        KeyFile("key file is a directory", OciKeyError.FileUnreadable, dir => dir.CreateDirectory("keys"), "'{path}'", "is a directory"),
        KeyFile("key file read fails with an I/O error", OciKeyError.FileUnreadable, dir => dir.CreateUnreadableFile("key.pem"), "'{path}' cannot be read", "Input/output error"),
        KeyFile("key file is empty", OciKeyError.Empty, dir => dir.Write("empty.pem", ""), "'{path}'", "is empty"),
        KeyFile("key file holds only whitespace", OciKeyError.Empty, dir => dir.Write("blank.pem", " \r\n\t\n  \n"), "'{path}'", "is empty"),
        KeyFile("fingerprint does not match the key file", OciKeyError.FingerprintMismatch, dir => dir.CopyKey(TestKeys.DocsKey),
            "'{path}'", TestKeys.Rsa2048Fingerprint, TestKeys.DocsKeyFingerprint, "does not match"),

        // ---- PEM text given to ApiKeySigner.FromPem ----
        Pem("garbage text", OciKeyError.NotPem, () => "this is not a key, only some words about one\n", null, "no '-----BEGIN ... PRIVATE KEY-----' line"),
        Pem("truncated PEM without END line", OciKeyError.NotPem, () => TestKeys.Text(TestKeys.Pkcs1)[..800], null, "no 'END RSA PRIVATE KEY' line", "truncated"),
        Pem("BEGIN and END labels differ", OciKeyError.NotPem, () => string.Join('\n', [
            "-----BEGIN RSA PRIVATE KEY-----", .. SecretAssert.Base64Lines(TestKeys.Text(TestKeys.Pkcs1)).Take(2), "-----END PRIVATE KEY-----", ""]),
            null, "'BEGIN RSA PRIVATE KEY'", "'END PRIVATE KEY'", "line 4"),
        Pem("body is not base64", OciKeyError.NotPem, () => "-----BEGIN RSA PRIVATE KEY-----\n!!!!not*base64*at*all!!!!\n-----END RSA PRIVATE KEY-----\n", null,
            "'RSA PRIVATE KEY' block is not valid base64"),
        Pem("public key instead of private", OciKeyError.NotAPrivateKey, () => TestKeys.Text(TestKeys.PublicKey), null, "'PUBLIC KEY'", "requires the private key"),
        Pem("PKCS#1 RSA public key instead of private", OciKeyError.NotAPrivateKey, () => WithTestKey(rsa => rsa.ExportRSAPublicKeyPem()), null, "'RSA PUBLIC KEY'", "requires the private key"),
        Pem("certificate instead of private key", OciKeyError.NotAPrivateKey, SelfSignedCertificatePem, null, "'CERTIFICATE'", "requires the private key"),
        Pem("ssh-rsa public key line", OciKeyError.NotAPrivateKey, () => "ssh-rsa " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(279)) + " someone@laptop\n", null,
            "OpenSSH public key", "requires the private key"),
        Pem("OPENSSH PRIVATE KEY block", OciKeyError.UnsupportedFormat, () => PemEncoding.WriteString("OPENSSH PRIVATE KEY", [.. "openssh-key-v1\0"u8, .. RandomNumberGenerator.GetBytes(200)]),
            null, "OpenSSH format", "ssh-keygen -p -m PEM"),
        Pem("EC key in PKCS#8", OciKeyError.NotRsa, () => WithEcKey(ec => ec.ExportPkcs8PrivateKeyPem()), null, "EC algorithm", "must be RSA"),
        Pem("EC PRIVATE KEY (SEC1)", OciKeyError.NotRsa, () => WithEcKey(ec => ec.ExportECPrivateKeyPem()), null, "EC algorithm", "must be RSA"),
        Pem("encrypted EC key in PKCS#8", OciKeyError.NotRsa,
            () => WithEcKey(ec => ec.ExportEncryptedPkcs8PrivateKeyPem(TestKeys.PassPhrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000))),
            TestKeys.PassPhrase, "EC algorithm", "must be RSA"),
        Pem("Ed25519 key in PKCS#8", OciKeyError.NotRsa, BouncyCastleKeys.Ed25519Pkcs8Pem, null, "Ed25519 algorithm", "must be RSA"),
        Pem("encrypted PKCS#8 without pass phrase", OciKeyError.PassPhraseRequired, () => TestKeys.Text(TestKeys.EncryptedPkcs8), null, "needs a pass phrase"),
        Pem("encrypted PKCS#8 with empty pass phrase", OciKeyError.PassPhraseRequired, () => TestKeys.Text(TestKeys.EncryptedPkcs8), "", "needs a pass phrase"),
        Pem("encrypted PKCS#8 with wrong pass phrase", OciKeyError.WrongPassPhrase, () => TestKeys.Text(TestKeys.EncryptedPkcs8), TestKeys.WrongPassPhrase, "pass phrase", "incorrect"),
        Pem("legacy encrypted without pass phrase", OciKeyError.PassPhraseRequired, () => TestKeys.Text(TestKeys.LegacyEncrypted), null, "needs a pass phrase"),
        Pem("legacy encrypted with wrong pass phrase", OciKeyError.WrongPassPhrase, () => TestKeys.Text(TestKeys.LegacyEncrypted), TestKeys.WrongPassPhrase, "pass phrase", "incorrect"),
        Pem("legacy encrypted with unsupported cipher BF-CBC", OciKeyError.UnsupportedEncryption,
            () => ReplaceDekInfo("BF-CBC,7E3195E9CEB683B1"), TestKeys.PassPhrase, "'BF-CBC'", "not supported", "AES-256-CBC"),
        Pem("legacy encrypted with single DES", OciKeyError.UnsupportedEncryption,
            () => BouncyCastleKeys.EncryptLegacy(TestKeys.Text(TestKeys.Pkcs1), "DES-CBC", TestKeys.PassPhrase), TestKeys.PassPhrase, "'DES-CBC'", "not supported"),
        Pem("legacy encrypted with non-hex IV", OciKeyError.Corrupt, () => ReplaceDekInfo("AES-256-CBC,ZZ3195E9CEB683B1D7AA978CBA0889QQ"), TestKeys.PassPhrase,
            "malformed DEK-Info", "16-byte hex IV"),
        Pem("legacy encrypted with short IV", OciKeyError.Corrupt, () => ReplaceDekInfo("AES-256-CBC,7E3195E9"), TestKeys.PassPhrase, "malformed DEK-Info", "16-byte hex IV"),
        Pem("legacy encrypted without DEK-Info", OciKeyError.Corrupt,
            () => DekInfoLine().Replace(TestKeys.Text(TestKeys.LegacyEncrypted), string.Empty),
            TestKeys.PassPhrase, "no DEK-Info header"),
        Pem("RSA PRIVATE KEY label on a public key's DER", OciKeyError.Corrupt, () => WithTestKey(rsa => PemEncoding.WriteString("RSA PRIVATE KEY", rsa.ExportSubjectPublicKeyInfo())), null,
            "PKCS#1 RSA private key", "not a valid key"),
        Pem("PRIVATE KEY label on a public key's DER", OciKeyError.Corrupt, () => WithTestKey(rsa => PemEncoding.WriteString("PRIVATE KEY", rsa.ExportSubjectPublicKeyInfo())), null,
            "PKCS#8 private key", "not a valid key"),
        Pem("PEM block of an unrelated kind", OciKeyError.UnsupportedFormat, () => PemEncoding.WriteString("DH PARAMETERS", RandomNumberGenerator.GetBytes(64)), null,
            "'DH PARAMETERS'", "not a private key format"),
        Pem("fingerprint does not match the PEM key", OciKeyError.FingerprintMismatch, () => TestKeys.Text(TestKeys.DocsKey), null,
            TestKeys.Rsa2048Fingerprint, TestKeys.DocsKeyFingerprint, "does not match"),
    ];

    private readonly ITestOutputHelper _output;

    public BadInputTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> CaseNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (BadCase c in Cases)
            {
                names.Add(c.Name);
            }

            return names;
        }
    }

    [Fact]
    public void CaseNamesAreUniqueAndThereAreEnough()
    {
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
        Assert.True(Cases.Length >= 30);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void IsRejectedWithAClearMessageAndNoSecrets(string name)
    {
        BadCase badCase = Cases.Single(c => c.Name == name);
        using var dir = new TempDirectory();
        Scenario scenario = badCase.Arrange(dir);

        Exception? e = Record.Exception(scenario.Act);

        Assert.NotNull(e);
        _output.WriteLine(e.Message);
        Assert.IsType(badCase.Exception, e);
        if (e is OciConfigException configException)
        {
            Assert.Equal(badCase.ProblemCount, configException.Problems.Count);
            Assert.Contains($"'{configException.FilePath}'", e.Message, StringComparison.Ordinal);
            if (configException.Profile is { } profile)
            {
                Assert.Contains($"Profile [{profile}]", e.Message, StringComparison.Ordinal);
            }

            if (badCase.ProblemAt is { } at)
            {
                Assert.Contains(configException.Problems, p => p.Key == at.Key && p.Line == at.Line);
            }

            Assert.Contains(OciConfigException.DocsUrl, e.Message, StringComparison.Ordinal);
            if (badCase.KeyError is { } innerError)
            {
                Assert.Equal(innerError, Assert.IsType<OciKeyException>(e.InnerException).Error);
            }
        }
        else
        {
            var keyException = Assert.IsType<OciKeyException>(e);
            Assert.Equal(badCase.KeyError, keyException.Error);
            Assert.Equal(scenario.KeySource, keyException.KeySource);
        }

        foreach (string word in scenario.Words)
        {
            Assert.Contains(word, e.Message, StringComparison.Ordinal);
        }

        SecretAssert.NotIn(e, [.. CommonSecrets, .. scenario.Secrets]);
    }

    /// <summary>What a case runs, the words its message must contain, and secrets beyond the common ones.</summary>
    private sealed record Scenario(Action Act, IReadOnlyList<string> Words, IReadOnlyList<string> Secrets)
    {
        /// <summary>The expected <see cref="OciKeyException.KeySource"/>, for key cases.</summary>
        public string? KeySource { get; init; }
    }

    private sealed record BadCase(string Name, Type Exception, Func<TempDirectory, Scenario> Arrange)
    {
        /// <summary>The error of an <see cref="OciKeyException"/>, or of the one inside an <see cref="OciConfigException"/>.</summary>
        public OciKeyError? KeyError { get; init; }

        public int ProblemCount { get; init; } = 1;

        /// <summary>A problem with this key and line must be among the config exception's problems.</summary>
        public (string? Key, int? Line)? ProblemAt { get; init; }
    }

    /// <summary>A config path that cannot be used as a config file.</summary>
    private static BadCase ConfigAt(string name, Func<TempDirectory, string> makePath, params string[] words) =>
        new(name, typeof(OciConfigException), dir =>
        {
            string path = makePath(dir);
            return new(() => OciConfig.FromFile(path), [.. words.Select(w => w.Replace("{path}", path, StringComparison.Ordinal))], []);
        });

    /// <summary>
    /// A config file from <paramref name="template"/>, loaded and turned into a signer. Placeholders: those of
    /// <see cref="TestConfig.Fill"/> ({key} is a valid copy of test_rsa2048), {dir}, {pass}, {wrongpass}, {keyline} (a
    /// base64 line of the test key). The words always include the config path.
    /// </summary>
    private static BadCase Config(
        string name, string template, string[] words, string profile = OciConfig.DefaultProfile, (string? Key, int? Line)? at = null,
        int problems = 1, OciKeyError? inner = null, Action<TempDirectory>? files = null) =>
        new(name, typeof(OciConfigException), dir =>
        {
            string key = dir.CopyKey(TestKeys.Pkcs1, "key.pem");
            files?.Invoke(dir);
            string config = dir.PathOf("config");
            dir.Write("config", Expand(template, dir, key, config));
            return new(() => OciSigner.FromConfig(OciConfig.FromFile(config, profile)), [.. words.Prepend("{config}").Select(w => Expand(w, dir, key, config))], []);
        })
        {
            ProblemAt = at,
            ProblemCount = problems,
            KeyError = inner,
        };

    private static string Expand(string text, TempDirectory dir, string key, string config) =>
        TestConfig.Fill(text, key)
            .Replace("{dir}", dir.Root, StringComparison.Ordinal)
            .Replace("{config}", config, StringComparison.Ordinal)
            .Replace("{wrongpass}", TestKeys.WrongPassPhrase, StringComparison.Ordinal)
            .Replace("{pass}", TestKeys.PassPhrase, StringComparison.Ordinal)
            .Replace("{keyline}", SecretAssert.Base64Lines(TestKeys.Text(TestKeys.Pkcs1)).First(), StringComparison.Ordinal);

    /// <summary>A key file path given to <c>new ApiKeySigner(...)</c> with test_rsa2048's fingerprint; {path} in words.</summary>
    private static BadCase KeyFile(string name, OciKeyError error, Func<TempDirectory, string> makePath, params string[] words) =>
        new(name, typeof(OciKeyException), dir =>
        {
            string path = makePath(dir);
            return new(
                () => _ = new ApiKeySigner(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, path, TestKeys.WrongPassPhrase),
                [.. words.Select(w => w.Replace("{path}", path, StringComparison.Ordinal))],
                [])
            {
                KeySource = path,
            };
        })
        {
            KeyError = error,
        };

    /// <summary>PEM text given to <see cref="ApiKeySigner.FromPem"/> with test_rsa2048's fingerprint; its base64 lines are secrets too.</summary>
    private static BadCase Pem(string name, OciKeyError error, Func<string> makePem, string? passPhrase, params string[] words) =>
        new(name, typeof(OciKeyException), _ =>
        {
            string pem = makePem();
            const string Source = "the PEM text given";
            return new(
                () => ApiKeySigner.FromPem(TestKeys.Tenancy, TestKeys.User, TestKeys.Rsa2048Fingerprint, pem, passPhrase),
                [Source, .. words],
                [.. SecretAssert.Base64Lines(pem)])
            {
                KeySource = Source,
            };
        })
        {
            KeyError = error,
        };

    /// <summary>The legacy fixture with its DEK-Info header (whole line) replaced.</summary>
    private static string ReplaceDekInfo(string dekInfo)
    {
        string pem = DekInfoLine().Replace(TestKeys.Text(TestKeys.LegacyEncrypted), $"DEK-Info: {dekInfo}\n");
        Assert.Contains(dekInfo, pem, StringComparison.Ordinal);
        return pem;
    }

    [GeneratedRegex(@"^DEK-Info:.*\n", RegexOptions.Multiline)]
    private static partial Regex DekInfoLine();

    private static string WithTestKey(Func<RSA, string> export)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestKeys.Text(TestKeys.Pkcs1));
        return export(rsa);
    }

    private static string WithEcKey(Func<ECDsa, string> export)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return export(ec);
    }

    private static string SelfSignedCertificatePem() => WithTestKey(rsa =>
    {
        var request = new CertificateRequest("CN=OciRaw test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    });
}
