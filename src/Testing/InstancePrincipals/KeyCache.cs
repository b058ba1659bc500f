using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OciRaw.Testing;

/// <summary>
/// RSA-2048 key pairs generated once per process and handed out by slot name (<c>"root"</c>, <c>"leaf-3"</c>): key
/// generation costs up to a second on a small machine, and tests start many emulators. Within one emulator every slot
/// is a distinct key, so a rotated leaf really has a new key; different emulators reuse the same keys, which is harmless
/// for a test stand-in (each emulator only trusts the leaves it issued). Each call returns a new <see cref="RSA"/>.
/// </summary>
internal static class KeyCache
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Keys = new(StringComparer.Ordinal);

    public static RSA Create(string slot)
    {
        byte[] pkcs1 = Keys.GetOrAdd(slot, _ => new Lazy<byte[]>(Generate)).Value;
        var key = RSA.Create();
        key.ImportRSAPrivateKey(pkcs1, out _);
        return key;
    }

    private static byte[] Generate()
    {
        using RSA key = RSA.Create(2048);
        return key.ExportRSAPrivateKey();
    }
}
