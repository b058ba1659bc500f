using System.Security.Cryptography;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// RSA-2048 keys that no emulator registered, generated once per test run (generating one takes up to seconds on a
/// small machine). Each call returns a new <see cref="RSA"/> object the caller disposes.
/// </summary>
internal static class SpareKeys
{
    private static readonly Lazy<RSAParameters> First = new(Generate);
    private static readonly Lazy<RSAParameters> Second = new(Generate);

    /// <summary>A key that is not registered anywhere.</summary>
    public static RSA Unregistered() => RSA.Create(First.Value);

    /// <summary>Another unregistered key, different from <see cref="Unregistered"/>.</summary>
    public static RSA Other() => RSA.Create(Second.Value);

    private static RSAParameters Generate()
    {
        using var key = RSA.Create(2048);
        return key.ExportParameters(includePrivateParameters: true);
    }
}
