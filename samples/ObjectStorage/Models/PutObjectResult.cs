namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>PutObject's answer, all in headers.</summary>
public sealed class PutObjectResult
{
    [OciHeader("etag")] public required string ETag { get; init; }

    /// <summary>The MD5 the service computed of what it received (base64).</summary>
    [OciHeader("opc-content-md5")] public string? OpcContentMd5 { get; init; }

    [OciHeader("last-modified")] public DateTimeOffset? LastModified { get; init; }

    [OciHeader("opc-request-id")] public string? OpcRequestId { get; init; }
}
