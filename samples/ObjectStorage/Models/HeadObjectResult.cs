namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>HeadObject's answer: the object's headers (GetObject has the same, and the content).</summary>
public class HeadObjectResult
{
    [OciHeader("etag")] public required string ETag { get; init; }

    [OciHeader("content-length")] public long ContentLength { get; init; }

    [OciHeader("content-type")] public string? ContentType { get; init; }

    /// <summary>The content's MD5 (base64); absent for a multipart object and for a range.</summary>
    [OciHeader("content-md5")] public string? ContentMd5 { get; init; }

    /// <summary>A multipart object's MD5 of its parts' MD5s, with the part count (<c>md5-3</c>).</summary>
    [OciHeader("opc-multipart-md5")] public string? OpcMultipartMd5 { get; init; }

    [OciHeader("last-modified")] public DateTimeOffset? LastModified { get; init; }

    [OciHeader("storage-tier")] public string? StorageTier { get; init; }

    /// <summary>The user metadata, <c>opc-meta-</c> removed from the names.</summary>
    [OciHeader("opc-meta-*")] public IReadOnlyDictionary<string, string> OpcMeta { get; init; } = new Dictionary<string, string>();

    [OciHeader("opc-request-id")] public string? OpcRequestId { get; init; }
}
