namespace OciRaw;

/// <summary>
/// The <c>opc-retry-token</c> a create gets when its caller gives none, as the Go SDK's generated operations do: made once
/// per logical call (when the request is built), so every retry of that call sends the same token and OCI creates the
/// resource once.
/// </summary>
internal static class RetryToken
{
    public const string HeaderName = "opc-retry-token";

    // The Python and Go SDKs' alphabet and length: 30 characters of [A-Za-z0-9] (about 178 bits).
    private const int Length = 30;
    private static readonly char[] Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".ToCharArray();

    /// <summary>
    /// A new token. Uniqueness is all it needs (it names a call, it protects nothing), so the shared pseudo-random source
    /// is enough and costs no system call.
    /// </summary>
    public static string Create() => string.Create(Length, 0, static (chars, _) => Random.Shared.GetItems(Alphabet, chars));

    public static bool IsRetryTokenHeader(string name) => string.Equals(name, HeaderName, StringComparison.OrdinalIgnoreCase);
}
