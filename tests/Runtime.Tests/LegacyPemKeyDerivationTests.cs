using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace OciRaw.Tests;

/// <summary>
/// <see cref="LegacyPemDecryptor.DeriveKey"/> is OpenSSL's EVP_BytesToKey (MD5, one iteration). Checked against
/// BouncyCastle's OpenSSL PBE generator and against the MD5 chain written out by hand (BouncyCastle MD5).
/// </summary>
public sealed class LegacyPemKeyDerivationTests
{
    [Theory]
    [InlineData("oracle-test-passphrase", "7E3195E9CEB683B1", 32)]
    [InlineData("oracle-test-passphrase", "7E3195E9CEB683B1", 16)]
    [InlineData("p", "0001020304050607", 24)]
    [InlineData("a longer pass phrase with spaces", "FFFFFFFFFFFFFFFF", 24)]
    [InlineData("", "0011223344556677", 16)]
    [InlineData("x", "1122334455667788", 8)]
    [InlineData("x", "1122334455667788", 48)]
    public void MatchesBouncyCastlesOpenSslGenerator(string passPhrase, string saltHex, int keyLength)
    {
        byte[] password = Encoding.UTF8.GetBytes(passPhrase);
        byte[] salt = Convert.FromHexString(saltHex);
        var generator = new OpenSslPbeParametersGenerator();
        generator.Init(password, salt);
        byte[] expected = ((KeyParameter)generator.GenerateDerivedParameters("AES", keyLength * 8)).GetKey();

        Assert.Equal(expected, LegacyPemDecryptor.DeriveKey(password, salt, keyLength));
    }

    [Theory]
    [InlineData("oracle-test-passphrase", "7E3195E9CEB683B1", 32)]
    [InlineData("pw", "A0A1A2A3A4A5A6A7", 40)]
    public void MatchesTheMd5ChainWrittenOut(string passPhrase, string saltHex, int keyLength)
    {
        byte[] password = Encoding.UTF8.GetBytes(passPhrase);
        byte[] salt = Convert.FromHexString(saltHex);
        byte[] d1 = BouncyCastleKeys.Md5([.. password, .. salt]);
        byte[] d2 = BouncyCastleKeys.Md5([.. d1, .. password, .. salt]);
        byte[] d3 = BouncyCastleKeys.Md5([.. d2, .. password, .. salt]);
        byte[] expected = [.. d1, .. d2, .. d3];

        Assert.Equal(expected[..keyLength], LegacyPemDecryptor.DeriveKey(password, salt, keyLength));
    }

    [Fact]
    public void UsesOnlyTheSaltItIsGiven()
    {
        byte[] password = Encoding.UTF8.GetBytes(TestKeys.PassPhrase);

        byte[] a = LegacyPemDecryptor.DeriveKey(password, Convert.FromHexString("0102030405060708"), 32);
        byte[] b = LegacyPemDecryptor.DeriveKey(password, Convert.FromHexString("0102030405060709"), 32);

        Assert.NotEqual(a, b);
    }
}
