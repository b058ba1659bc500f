namespace OciRaw.TestSupport;

/// <summary>The keys in TestData/keys and the identity values used with them.</summary>
public static class TestKeys
{
    public const string Pkcs1 = "test_rsa2048.pem";
    public const string Pkcs8 = "test_rsa2048.pkcs8.pem";
    public const string EncryptedPkcs8 = "test_rsa2048.enc-pkcs8.pem";
    public const string LegacyEncrypted = "test_rsa2048.enc-legacy.pem";
    public const string PublicKey = "test_rsa2048.pub.pem";
    public const string DocsKey = "oci_docs_test_key.pem";

    /// <summary>Pass phrase of <see cref="EncryptedPkcs8"/> and <see cref="LegacyEncrypted"/>.</summary>
    public const string PassPhrase = "oracle-test-passphrase";

    /// <summary>A pass phrase that decrypts nothing; it must not leak either.</summary>
    public const string WrongPassPhrase = "not-the-right-pass-phrase-42";

    /// <summary>Fingerprint of test_rsa2048 as computed by openssl (rsa -pubout -outform DER | md5 -c).</summary>
    public const string Rsa2048Fingerprint = VectorFiles.TestKeyFingerprint;

    /// <summary>Fingerprint of the OCI documentation's test key as computed by openssl.</summary>
    public const string DocsKeyFingerprint = VectorFiles.DocsKeyRealFingerprint;

    /// <summary>Well-formed, but not the fingerprint of any test key.</summary>
    public const string OtherFingerprint = "20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34";

    public const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaaba3pv6wkcr4jqae5f15p2b2m2yt2j6rx32uzr4h25vqstifsfdsq";
    public const string User = "ocid1.user.oc1..aaaaaaaat5nvwcna5j6aqzjcaty5eqbb6qt2jvpkanghtgdaqedqw3rynjq";

    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string Folder => Path.Combine(VectorFiles.Root, "keys");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    /// <summary>Every base64 body line of every PEM in TestData/keys: none may ever appear in a message.</summary>
    public static IReadOnlyList<string> AllKeyMaterial() =>
        Directory.GetFiles(Folder, "*.pem").SelectMany(path => SecretAssert.Base64Lines(File.ReadAllText(path))).ToList();
}
