using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>One uploaded part, as ListMultipartUploadParts answers it.</summary>
public sealed class MultipartUploadPartSummary
{
    public int PartNumber { get; init; }

    [JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public string? Md5 { get; init; }

    public long Size { get; init; }
}
