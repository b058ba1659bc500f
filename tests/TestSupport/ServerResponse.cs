using System.Net;

namespace OciRaw.TestSupport;

/// <summary>What the loopback server answers.</summary>
public sealed record ServerResponse(HttpStatusCode Status, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>Bytes to send instead of <see cref="Body"/> as UTF-8 (charsets, binary bodies).</summary>
    public byte[]? RawBody { get; init; }

    /// <summary>The Content-Type line; null sends none.</summary>
    public string? ContentType { get; init; } = "application/json";

    public static ServerResponse Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList());
}
