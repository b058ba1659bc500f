using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>A multipart upload in progress.</summary>
public sealed class MultipartUpload
{
    public required string Namespace { get; init; }

    public required string Bucket { get; init; }

    [JsonPropertyName("object")]
    public required string ObjectName { get; init; }

    public required string UploadId { get; init; }

    public DateTimeOffset TimeCreated { get; init; }
}
