namespace OciRaw;

/// <summary>The result of signing one request: what was signed and the Authorization header that carries it.</summary>
public sealed class OciSignature
{
    internal OciSignature(string signingString, string signature, string authorization, IReadOnlyList<KeyValuePair<string, string>> signedHeaders)
    {
        SigningString = signingString;
        Signature = signature;
        Authorization = authorization;
        SignedHeaders = signedHeaders;
    }

    /// <summary>The exact text that was signed: one <c>name: value</c> line per signed header, joined by LF.</summary>
    public string SigningString { get; }

    /// <summary>Base64 RSA-SHA256 signature of <see cref="SigningString"/>.</summary>
    public string Signature { get; }

    /// <summary>The value of the Authorization header (<c>Signature version="1",headers=...</c>).</summary>
    public string Authorization { get; }

    /// <summary>The signed headers in signing order with the values signed; <c>(request-target)</c> included.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SignedHeaders { get; }

    /// <summary>Names the signed headers only; values can hold tokens.</summary>
    public override string ToString() => $"OciSignature {{ headers = \"{string.Join(' ', SignedHeaders.Select(h => h.Key))}\" }}";
}
