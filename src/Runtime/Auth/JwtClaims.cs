using System.Text;
using System.Text.Json;

namespace OciRaw;

/// <summary>
/// Reads the claims OCI tokens carry (<c>exp</c>, <c>iat</c>) from a JWT without validating it: the service
/// validates; the client only needs to know when to refresh.
/// </summary>
internal readonly record struct JwtClaims(DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Parses the payload; null when the text is not a JWT with a JSON payload.</summary>
    public static JwtClaims? TryRead(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            string payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using JsonDocument claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return claims.RootElement.ValueKind == JsonValueKind.Object
                ? new JwtClaims(Seconds(claims.RootElement, "iat"), Seconds(claims.RootElement, "exp"))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Seconds(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out JsonElement value) && value.TryGetInt64(out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
