using System.Formats.Asn1;
using System.Security.Cryptography;

namespace OciRaw;

/// <summary>
/// Turns PEM text into an <see cref="RSA"/> private key: PKCS#1, PKCS#8, encrypted PKCS#8 (PBES2) and OpenSSL's legacy
/// encrypted PEM. Every failure is an <see cref="OciKeyException"/> with an <see cref="OciKeyError"/> that says what is
/// wrong; no message ever repeats key bytes or the pass phrase.
/// </summary>
internal static class PrivateKeyReader
{
    private const string RsaOid = "1.2.840.113549.1.1.1";

    private static readonly Dictionary<string, string> KnownAlgorithms = new(StringComparer.Ordinal)
    {
        [RsaOid] = "RSA",
        ["1.2.840.10045.2.1"] = "EC",
        ["1.2.840.10040.4.1"] = "DSA",
        ["1.3.101.112"] = "Ed25519",
        ["1.3.101.113"] = "Ed448",
        ["1.2.840.113549.1.3.1"] = "DH",
    };

    private static readonly HashSet<string> PublicLabels = new(StringComparer.Ordinal)
    {
        "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE", "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST",
    };

    private static readonly HashSet<string> PrivateLabels = new(StringComparer.Ordinal)
    {
        "RSA PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY",
    };

    /// <summary>Reads a key file. <paramref name="passPhrase"/> is ignored when the key is not encrypted.</summary>
    public static RSA ReadFile(string path, string? passPhrase)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OciKeyException(OciKeyError.FileNotFound, path, $"The private key file '{path}' does not exist.");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            string reason = Directory.Exists(path) ? "it is a directory, not a file" : e.Message;
            throw new OciKeyException(OciKeyError.FileUnreadable, path, $"The private key file '{path}' cannot be read: {reason}");
        }

        return Read(text, passPhrase, $"'{path}'");
    }

    /// <summary>Reads PEM text. <paramref name="keySource"/> names where the text came from, for messages.</summary>
    public static RSA Read(string pemText, string? passPhrase, string keySource)
    {
        if (string.IsNullOrWhiteSpace(pemText))
        {
            throw new OciKeyException(OciKeyError.Empty, keySource, $"The private key in {keySource} is empty.");
        }

        List<PemBlock> blocks = PemBlock.ReadAll(pemText, keySource);
        PemBlock? block = blocks.Find(b => PrivateLabels.Contains(b.Label));
        if (block is null)
        {
            throw NoPrivateKey(pemText, blocks, keySource);
        }

        return block.Label switch
        {
            "RSA PRIVATE KEY" when LegacyPemDecryptor.IsEncrypted(block) => ReadLegacyEncrypted(block, passPhrase, keySource),
            "RSA PRIVATE KEY" => Import(keySource, "PKCS#1 RSA private key", rsa => rsa.ImportRSAPrivateKey(block.Data, out _)),
            "PRIVATE KEY" => ReadPkcs8(block, keySource),
            "ENCRYPTED PRIVATE KEY" => ReadEncryptedPkcs8(block, passPhrase, keySource),
            "OPENSSH PRIVATE KEY" => throw new OciKeyException(OciKeyError.UnsupportedFormat, keySource,
                $"The key in {keySource} is in OpenSSH format, which OCI does not use. Convert it to PEM with: ssh-keygen -p -m PEM -f <file>, or create an API key with: openssl genrsa -out oci_api_key.pem 2048"),
            _ => throw NotRsa(keySource, block.Label.Replace(" PRIVATE KEY", string.Empty, StringComparison.Ordinal)),
        };
    }

    private static OciKeyException NoPrivateKey(string pemText, List<PemBlock> blocks, string keySource)
    {
        if (blocks.Count > 0 && PublicLabels.Contains(blocks[0].Label))
        {
            return NotAPrivateKey(keySource, $"a '{blocks[0].Label}' PEM block");
        }

        string trimmed = pemText.TrimStart();
        if (trimmed.StartsWith("ssh-", StringComparison.Ordinal) || trimmed.StartsWith("ecdsa-sha2-", StringComparison.Ordinal))
        {
            return NotAPrivateKey(keySource, "an OpenSSH public key");
        }

        if (blocks.Count > 0)
        {
            return new OciKeyException(OciKeyError.UnsupportedFormat, keySource,
                $"The key in {keySource} is a '{blocks[0].Label}' PEM block, which is not a private key format OCI uses (expected 'RSA PRIVATE KEY', 'PRIVATE KEY' or 'ENCRYPTED PRIVATE KEY').");
        }

        return new OciKeyException(OciKeyError.NotPem, keySource,
            $"The key in {keySource} is not a PEM-encoded private key: no '-----BEGIN ... PRIVATE KEY-----' line was found.");
    }

    private static OciKeyException NotAPrivateKey(string keySource, string what) =>
        new(OciKeyError.NotAPrivateKey, keySource,
            $"The key in {keySource} is {what}, but signing requires the private key. Use the private key file (the one you uploaded the public half of).");

    private static OciKeyException NotRsa(string keySource, string algorithm) =>
        new(OciKeyError.NotRsa, keySource, $"The key in {keySource} uses the {algorithm} algorithm; OCI API signing keys must be RSA.");

    private static RSA ReadPkcs8(PemBlock block, string keySource)
    {
        string? oid = TryReadPkcs8AlgorithmOid(block.Data);
        if (oid is not null && oid != RsaOid)
        {
            throw NotRsa(keySource, KnownAlgorithms.GetValueOrDefault(oid, $"algorithm {oid}"));
        }

        return Import(keySource, "PKCS#8 private key", rsa => rsa.ImportPkcs8PrivateKey(block.Data, out _));
    }

    private static RSA ReadEncryptedPkcs8(PemBlock block, string? passPhrase, string keySource)
    {
        if (string.IsNullOrEmpty(passPhrase))
        {
            throw PassPhraseRequired(keySource);
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportEncryptedPkcs8PrivateKey(passPhrase, block.Data, out _);
            return rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            // The pass phrase may have been right and the key simply not RSA: tell those apart.
            if (DecryptsAsEcKey(block.Data, passPhrase))
            {
                throw NotRsa(keySource, "EC");
            }

            throw LegacyPemDecryptor.WrongPassPhrase(keySource);
        }
    }

    private static bool DecryptsAsEcKey(byte[] data, string passPhrase)
    {
        using var ec = ECDsa.Create();
        try
        {
            ec.ImportEncryptedPkcs8PrivateKey(passPhrase, data, out _);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static RSA ReadLegacyEncrypted(PemBlock block, string? passPhrase, string keySource)
    {
        if (string.IsNullOrEmpty(passPhrase))
        {
            throw PassPhraseRequired(keySource);
        }

        byte[] der = LegacyPemDecryptor.Decrypt(block, passPhrase, keySource);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPrivateKey(der, out _);
            return rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            // Padding happened to check out, but the plaintext is not a key: the pass phrase was wrong.
            throw LegacyPemDecryptor.WrongPassPhrase(keySource);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    private static OciKeyException PassPhraseRequired(string keySource) =>
        new(OciKeyError.PassPhraseRequired, keySource,
            $"The key in {keySource} is encrypted and needs a pass phrase, but none was given (set pass_phrase in the config profile or pass passPhrase).");

    private static RSA Import(string keySource, string format, Action<RSA> import)
    {
        var rsa = RSA.Create();
        try
        {
            import(rsa);
            return rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            throw new OciKeyException(OciKeyError.Corrupt, keySource,
                $"The key in {keySource} is labelled as a {format} but its contents are not a valid key (the file may be truncated or edited).");
        }
    }

    /// <summary>Reads PrivateKeyInfo.privateKeyAlgorithm.algorithm, or null when the structure is not even that.</summary>
    private static string? TryReadPkcs8AlgorithmOid(byte[] der)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader info = reader.ReadSequence();
            _ = info.ReadInteger();
            return info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
