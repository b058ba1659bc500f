using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace OciRaw;

/// <summary>
/// Decrypts OpenSSL's legacy encrypted PEM (<c>Proc-Type: 4,ENCRYPTED</c> + <c>DEK-Info: CIPHER,IV</c>), which
/// <see cref="RSA.ImportFromEncryptedPem(ReadOnlySpan{char}, ReadOnlySpan{char})"/> does not read. The key is derived with
/// OpenSSL's <c>EVP_BytesToKey</c> (MD5, one iteration, salt = first 8 bytes of the IV); the cipher runs in CBC mode
/// with PKCS#7 padding.
/// </summary>
internal static class LegacyPemDecryptor
{
    private sealed record Cipher(int KeyLength, int IvLength, Func<SymmetricAlgorithm> Create);

    // OpenSSL's names. DES-CBC (single DES) is deliberately absent: a 56-bit key protects nothing.
    private static readonly Dictionary<string, Cipher> Ciphers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AES-128-CBC"] = new(16, 16, Aes.Create),
        ["AES-192-CBC"] = new(24, 16, Aes.Create),
        ["AES-256-CBC"] = new(32, 16, Aes.Create),
        ["DES-EDE3-CBC"] = new(24, 8, CreateTripleDes),
    };

    public static bool IsEncrypted(PemBlock block) =>
        block.Headers.TryGetValue("Proc-Type", out string? procType)
        && procType.Contains("ENCRYPTED", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the DER plaintext; the caller zeroes it after use.</summary>
    public static byte[] Decrypt(PemBlock block, string passPhrase, string keySource)
    {
        if (!block.Headers.TryGetValue("DEK-Info", out string? dekInfo))
        {
            throw new OciKeyException(OciKeyError.Corrupt, keySource,
                $"The key in {keySource} says it is encrypted (Proc-Type: 4,ENCRYPTED) but has no DEK-Info header naming the cipher.");
        }

        string[] parts = dekInfo.Split(',', 2, StringSplitOptions.TrimEntries);
        string cipherName = parts[0];
        if (!Ciphers.TryGetValue(cipherName, out Cipher? cipher))
        {
            throw new OciKeyException(OciKeyError.UnsupportedEncryption, keySource,
                $"The key in {keySource} is encrypted with '{cipherName}', which is not supported. Supported: {string.Join(", ", Ciphers.Keys)}. " +
                "Re-encrypt it, for example: openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out new.pem");
        }

        byte[]? iv = parts.Length == 2 ? TryParseHex(parts[1]) : null;
        if (iv is null || iv.Length != cipher.IvLength)
        {
            throw new OciKeyException(OciKeyError.Corrupt, keySource,
                $"The key in {keySource} has a malformed DEK-Info header: {cipherName} needs a {cipher.IvLength}-byte hex IV.");
        }

        byte[] password = Encoding.UTF8.GetBytes(passPhrase);
        byte[] key = DeriveKey(password, iv.AsSpan(0, 8), cipher.KeyLength);
        try
        {
            using SymmetricAlgorithm algorithm = cipher.Create();
            algorithm.Key = key;
            return algorithm.DecryptCbc(block.Data, iv, PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            // A wrong pass phrase almost always shows up as bad padding.
            throw WrongPassPhrase(keySource);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(password);
        }
    }

    public static OciKeyException WrongPassPhrase(string keySource) =>
        new(OciKeyError.WrongPassPhrase, keySource, $"The pass phrase given for the encrypted key in {keySource} is incorrect.");

    /// <summary>OpenSSL EVP_BytesToKey with MD5 and one iteration: D1 = MD5(P || S), Di = MD5(D(i-1) || P || S).</summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "MD5 is what the legacy PEM format prescribes; it only reads existing files.")]
    internal static byte[] DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int keyLength)
    {
        byte[] key = new byte[keyLength];
        Span<byte> block = stackalloc byte[MD5.HashSizeInBytes];
        byte[] input = new byte[MD5.HashSizeInBytes + password.Length + salt.Length];
        int filled = 0;
        int previousLength = 0;
        while (filled < keyLength)
        {
            // input = previous block (empty the first time) || password || salt
            block[..previousLength].CopyTo(input);
            password.CopyTo(input.AsSpan(previousLength));
            salt.CopyTo(input.AsSpan(previousLength + password.Length));
            MD5.HashData(input.AsSpan(0, previousLength + password.Length + salt.Length), block);
            int take = Math.Min(block.Length, keyLength - filled);
            block[..take].CopyTo(key.AsSpan(filled));
            filled += take;
            previousLength = block.Length;
        }

        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(block);
        return key;
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Only decrypts existing DES-EDE3-CBC key files.")]
    private static TripleDES CreateTripleDes() => TripleDES.Create();

    private static byte[]? TryParseHex(string hex)
    {
        if (hex.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
