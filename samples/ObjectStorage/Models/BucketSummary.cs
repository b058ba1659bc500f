using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>A bucket as ListBuckets answers it.</summary>
public class BucketSummary
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public string? CompartmentId { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset TimeCreated { get; init; }

    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    public Dictionary<string, string>? FreeformTags { get; init; }
}
