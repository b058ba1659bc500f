using System.Text;

namespace OciRaw.Client.Tests.TestSupport;

/// <summary>A request as the generated client handed it to the HttpClient pipeline.</summary>
internal sealed record CapturedRequest(
    string Method, string Uri, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string? ContentType, long? ContentLength,
    IReadOnlyList<KeyValuePair<string, string>>? ContentHeaders = null)
{
    /// <summary>The value of a content header (content-md5, content-language, ...), or null when the body has none.</summary>
    public string? ContentHeader(string name) =>
        ContentHeaders?.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();

    /// <summary>All values of a header (case-insensitive name), in order.</summary>
    public IReadOnlyList<string> Values(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    /// <summary>The single value of a header, or null when it was not sent.</summary>
    public string? Header(string name) => Values(name) switch
    {
        [] => null,
        [var only] => only,
        var many => throw new InvalidOperationException($"Header '{name}' was sent {many.Count} times: {string.Join(" | ", many)}"),
    };

    public string BodyText => Encoding.UTF8.GetString(Body);
}
