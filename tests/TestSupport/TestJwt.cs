using System.Text;

namespace OciRaw.TestSupport;

/// <summary>Unsigned JWTs with chosen claims: the client never validates them, it only reads <c>exp</c>.</summary>
public static class TestJwt
{
    public static string Create(DateTimeOffset expires, string subject = "session", DateTimeOffset? issuedAt = null)
    {
        long now = (issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return Part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." +
            Part($"{{\"sub\":\"{subject}\",\"iat\":{now},\"exp\":{expires.ToUnixTimeSeconds()}}}") + "." +
            Part("signature-" + subject);
    }

    private static string Part(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
