namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>UploadPart's answer: the part's ETag (commit needs it) and the MD5 the service computed.</summary>
public sealed class UploadPartResult
{
    [OciHeader("etag")] public required string ETag { get; init; }

    [OciHeader("opc-content-md5")] public string? OpcContentMd5 { get; init; }
}
