using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>One object of a ListObjects page: the name, and the members asked for in <c>fields</c> (null otherwise).</summary>
public sealed class ObjectSummary
{
    public required string Name { get; init; }

    public long? Size { get; init; }

    /// <summary>The content's MD5 (base64), or for a multipart object its multipart MD5 (<c>md5-partcount</c>).</summary>
    public string? Md5 { get; init; }

    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    public DateTimeOffset? TimeCreated { get; init; }

    public DateTimeOffset? TimeModified { get; init; }

    public string? StorageTier { get; init; }
}
