using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>One part to commit: its number and the ETag UploadPart answered.</summary>
public sealed record CommitMultipartUploadPartDetails(int PartNum, [property: JsonPropertyName("etag")] string ETag);
