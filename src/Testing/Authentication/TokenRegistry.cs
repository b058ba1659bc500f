using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace OciRaw.Testing;

/// <summary>
/// The security tokens the federation endpoint issued: each one is bound to the session public key it was requested
/// for, a tenancy and an expiry, and can be revoked. Requests signed with keyId <c>ST$&lt;token&gt;</c> are checked here.
/// Reasons never contain the token itself (only its <c>jti</c>), so they are safe for logs.
/// </summary>
internal sealed class TokenRegistry(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>How many tokens were issued.</summary>
    public int Count => _tokens.Count;

    public void Register(string token, IssuedToken issued) => _tokens[token] = issued;

    /// <summary>Null when <paramref name="token"/> may sign requests now (then <paramref name="sessionKey"/> verifies them), else why not.</summary>
    public string? Resolve(string token, out RSA? sessionKey)
    {
        sessionKey = null;
        if (!_tokens.TryGetValue(token, out IssuedToken? issued))
        {
            return "unknown security token (the emulator never issued it)";
        }

        if (issued.Revoked)
        {
            return $"security token {issued.Id} was revoked";
        }

        DateTimeOffset now = clock.GetUtcNow();
        if (now >= issued.ExpiresAt)
        {
            return $"security token {issued.Id} expired at {issued.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)} (server clock {now.ToString("u", CultureInfo.InvariantCulture)})";
        }

        sessionKey = issued.SessionKey;
        return null;
    }

    /// <summary>The tenancy a token acts in, or null for an unknown token.</summary>
    public string? TenancyOf(string token) => _tokens.TryGetValue(token, out IssuedToken? issued) ? issued.TenancyId : null;

    /// <summary>Revokes every token issued so far; tokens issued later are not affected.</summary>
    public void RevokeAll()
    {
        foreach (IssuedToken issued in _tokens.Values)
        {
            issued.Revoked = true;
        }
    }

    /// <summary>One issued token: its <c>jti</c>, the session public key, the tenancy and the expiry.</summary>
    internal sealed class IssuedToken(string id, RSA sessionKey, string tenancyId, DateTimeOffset expiresAt)
    {
        private volatile bool _revoked;

        public string Id { get; } = id;

        public RSA SessionKey { get; } = sessionKey;

        public string TenancyId { get; } = tenancyId;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public bool Revoked
        {
            get => _revoked;
            set => _revoked = value;
        }
    }
}
