using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace OciRaw;

/// <summary>
/// OCI's API-key fingerprint: MD5 of the DER SubjectPublicKeyInfo, as 16 lowercase hex bytes joined by colons
/// (what <c>openssl rsa -pubout -outform DER | openssl md5 -c</c> prints and the Console shows).
/// </summary>
internal static class KeyFingerprint
{
    public const int Length = 47;

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "The OCI fingerprint is defined as MD5; it identifies, it does not protect.")]
    public static string Compute(RSA key)
    {
        return ColonHex(MD5.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>Lowercase hex bytes joined by colons (<c>a1:48:...</c>), the way OCI writes fingerprints.</summary>
    public static string ColonHex(byte[] bytes)
    {
        return string.Create((bytes.Length * 3) - 1, bytes, static (chars, bytes) =>
        {
            const string Hex = "0123456789abcdef";
            for (int i = 0; i < bytes.Length; i++)
            {
                if (i > 0)
                {
                    chars[(i * 3) - 1] = ':';
                }

                chars[i * 3] = Hex[bytes[i] >> 4];
                chars[(i * 3) + 1] = Hex[bytes[i] & 0xF];
            }
        });
    }

    /// <summary>True when <paramref name="value"/> is 16 colon-separated hex pairs, in any case.</summary>
    public static bool IsWellFormed(string value)
    {
        if (value.Length != Length)
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            bool ok = i % 3 == 2 ? value[i] == ':' : char.IsAsciiHexDigit(value[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lowercase form used in keyIds; the Console shows lowercase, but people paste either.</summary>
    public static string Normalize(string value) => value.ToLowerInvariant();
}
