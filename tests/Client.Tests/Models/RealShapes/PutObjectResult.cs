namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>PutObject's answer, all in headers.</summary>
public sealed class PutObjectResult
{
    [OciHeader("opc-request-id")] public string? OpcRequestId { get; init; }

    [OciHeader("opc-content-md5")] public string? OpcContentMd5 { get; init; }

    [OciHeader("etag")] public required string ETag { get; init; }

    [OciHeader("last-modified")] public DateTimeOffset? LastModified { get; init; }

    [OciHeader("version-id")] public string? VersionId { get; init; }
}
