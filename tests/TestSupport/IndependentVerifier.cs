using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace OciRaw.TestSupport;

/// <summary>
/// Verifies OCI signatures with BouncyCastle, an RSA implementation independent of the OpenSSL-backed
/// System.Security.Cryptography the library signs with.
/// </summary>
public static class IndependentVerifier
{
    public static bool Verify(byte[] subjectPublicKeyInfo, string signingString, string base64Signature)
    {
        var publicKey = (RsaKeyParameters)PublicKeyFactory.CreateKey(subjectPublicKeyInfo);
        ISigner verifier = SignerUtilities.GetSigner("SHA-256withRSA");
        verifier.Init(false, publicKey);
        byte[] data = Encoding.UTF8.GetBytes(signingString);
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(Convert.FromBase64String(base64Signature));
    }

    /// <summary>Parses <c>Signature k="v",k="v"</c> into its parameters.</summary>
    public static Dictionary<string, string> ParseAuthorization(string authorization)
    {
        const string Scheme = "Signature ";
        if (!authorization.StartsWith(Scheme, StringComparison.Ordinal))
        {
            throw new FormatException("Authorization does not use the Signature scheme.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        string rest = authorization[Scheme.Length..];
        int position = 0;
        while (position < rest.Length)
        {
            int equals = rest.IndexOf('=', position);
            string name = rest[position..equals];
            if (rest[equals + 1] != '"')
            {
                throw new FormatException($"Parameter {name} is not quoted.");
            }

            int end = rest.IndexOf('"', equals + 2);
            parameters.Add(name, rest[(equals + 2)..end]);
            position = end + 1;
            if (position < rest.Length)
            {
                if (rest[position] != ',')
                {
                    throw new FormatException("Parameters must be separated by a single comma.");
                }

                position++;
            }
        }

        return parameters;
    }
}
