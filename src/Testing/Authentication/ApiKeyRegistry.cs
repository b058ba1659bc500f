using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OciRaw.Testing;

/// <summary>The public keys the emulator accepts, by keyId (<c>tenancy/user/fingerprint</c>), as OCI's identity store would.</summary>
internal sealed class ApiKeyRegistry
{
    private readonly ConcurrentDictionary<string, RSA> _keys = new(StringComparer.Ordinal);

    public void Register(string keyId, RSA publicKey) => _keys[keyId] = publicKey;

    public bool TryGet(string keyId, out RSA? publicKey) => _keys.TryGetValue(keyId, out publicKey);
}
