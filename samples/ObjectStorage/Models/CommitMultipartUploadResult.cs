namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>CommitMultipartUpload's answer: the object's ETag and its multipart MD5 (<c>md5-partcount</c>).</summary>
public sealed class CommitMultipartUploadResult
{
    [OciHeader("etag")] public required string ETag { get; init; }

    [OciHeader("opc-multipart-md5")] public string? OpcMultipartMd5 { get; init; }

    [OciHeader("last-modified")] public DateTimeOffset? LastModified { get; init; }
}
