namespace OciRaw;

/// <summary>
/// Removes secrets from text meant for people: security tokens in keyIds (<c>ST$...</c>) and the values of headers
/// that carry tokens. Everything that prints a request (ToString, CLI output, logs) goes through here.
/// </summary>
internal static class SecretRedaction
{
    public const string Redacted = "<redacted>";
    private const string TokenKeyIdPrefix = "ST$";

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "opc-obo-token", "x-security-token", "cookie", "proxy-authorization",
    };

    public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name);

    public static string RedactKeyId(string keyId) =>
        keyId.StartsWith(TokenKeyIdPrefix, StringComparison.Ordinal) ? TokenKeyIdPrefix + Redacted : keyId;

    /// <summary>Redacts the value of a header for display; Authorization keeps everything but a token keyId.</summary>
    public static string RedactHeaderValue(string name, string value)
    {
        if (IsSecretHeader(name))
        {
            return Redacted;
        }

        if (string.Equals(name, "authorization", StringComparison.OrdinalIgnoreCase))
        {
            return RedactAuthorization(value);
        }

        return value;
    }

    /// <summary>Replaces a token keyId inside an Authorization value: <c>keyId="ST$eyJ..."</c> becomes <c>keyId="ST$&lt;redacted&gt;"</c>.</summary>
    public static string RedactAuthorization(string authorization)
    {
        const string Marker = "keyId=\"" + TokenKeyIdPrefix;
        int start = authorization.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return authorization;
        }

        int tokenStart = start + Marker.Length;
        int end = authorization.IndexOf('"', tokenStart);
        return string.Concat(authorization.AsSpan(0, tokenStart), Redacted, end < 0 ? string.Empty : authorization.AsSpan(end));
    }

    /// <summary>Redacts the values of secret headers in a signing string ("name: value" lines).</summary>
    public static string RedactSigningString(string signingString)
    {
        string[] lines = signingString.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && IsSecretHeader(lines[i][..colon]))
            {
                lines[i] = lines[i][..colon] + ": " + Redacted;
            }
        }

        return string.Join('\n', lines);
    }
}
