using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace OciRaw.Tests;

/// <summary>An implementation independent of the library under test, to compute expected values and write fixtures.</summary>
internal static class BouncyCastleKeys
{
    public static RsaPrivateCrtKeyParameters ReadPrivate(string pem)
    {
        using var reader = new StringReader(pem);
        object read = new PemReader(reader).ReadObject();
        return (RsaPrivateCrtKeyParameters)(read is AsymmetricCipherKeyPair pair ? pair.Private : read);
    }

    /// <summary>MD5 of the DER SubjectPublicKeyInfo as colon-separated lowercase hex.</summary>
    public static string Fingerprint(string pem)
    {
        RsaPrivateCrtKeyParameters key = ReadPrivate(pem);
        byte[] spki = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(new RsaKeyParameters(false, key.Modulus, key.PublicExponent)).GetDerEncoded();
        return string.Join(':', Md5(spki).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static byte[] Md5(byte[] data)
    {
        var digest = new MD5Digest();
        digest.BlockUpdate(data, 0, data.Length);
        byte[] hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }

    /// <summary>RSASSA-PKCS1-v1_5 SHA-256 signature of the UTF-8 text, base64.</summary>
    public static string Sign(string pem, string text)
    {
        ISigner signer = SignerUtilities.GetSigner("SHA-256withRSA");
        signer.Init(true, ReadPrivate(pem));
        byte[] data = System.Text.Encoding.UTF8.GetBytes(text);
        signer.BlockUpdate(data, 0, data.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    /// <summary>OpenSSL's legacy encrypted PEM (Proc-Type/DEK-Info) of the key in <paramref name="pem"/>.</summary>
    public static string EncryptLegacy(string pem, string cipher, string passPhrase)
    {
        using var text = new StringWriter();
        using (var writer = new PemWriter(text))
        {
            writer.WriteObject(new MiscPemGenerator(ReadPrivate(pem), cipher, passPhrase.ToCharArray(), new SecureRandom()));
        }

        return text.ToString();
    }

    /// <summary>A fresh Ed25519 private key as PKCS#8 PEM (.NET cannot export one itself).</summary>
    public static string Ed25519Pkcs8Pem()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        byte[] der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(generator.GenerateKeyPair().Private).GetDerEncoded();
        return System.Security.Cryptography.PemEncoding.WriteString("PRIVATE KEY", der);
    }
}
