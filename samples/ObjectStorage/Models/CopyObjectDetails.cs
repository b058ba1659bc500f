using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>The body of CopyObject (the source is in the bucket of the request's path).</summary>
public sealed record CopyObjectDetails(string SourceObjectName, string DestinationRegion, string DestinationNamespace, string DestinationBucket, string DestinationObjectName)
{
    [JsonPropertyName("sourceObjectIfMatchETag")]
    public string? SourceObjectIfMatchETag { get; init; }

    [JsonPropertyName("destinationObjectIfNoneMatchETag")]
    public string? DestinationObjectIfNoneMatchETag { get; init; }

    /// <summary>Replaces the source's metadata on the copy; null keeps it.</summary>
    public Dictionary<string, string>? DestinationObjectMetadata { get; init; }
}
