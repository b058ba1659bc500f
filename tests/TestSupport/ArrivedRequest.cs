namespace OciRaw.TestSupport;

/// <summary>A request exactly as it arrived on the socket: request line, header lines, body bytes.</summary>
public sealed record ArrivedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>All values of a header (case-insensitive name), in arrival order.</summary>
    public IReadOnlyList<string> Values(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    public string? Header(string name) => Values(name) is { Count: > 0 } values ? string.Join(", ", values) : null;
}
