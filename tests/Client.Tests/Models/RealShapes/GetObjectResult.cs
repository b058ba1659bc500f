namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>GetObject's answer: the object's stream and every kind of header the Go SDK's GetObjectResponse reads.</summary>
public sealed class GetObjectResult : IDisposable
{
    [OciHeader("etag")] public string? ETag { get; set; }

    [OciHeader("content-length")] public long ContentLength { get; set; }

    [OciHeader("content-type")] public string? ContentType { get; set; }

    [OciHeader("content-md5")] public string? ContentMd5 { get; set; }

    [OciHeader("content-range")] public string? ContentRange { get; set; }

    [OciHeader("last-modified")] public DateTimeOffset? LastModified { get; set; }

    [OciHeader("time-of-archival")] public DateTimeOffset? TimeOfArchival { get; set; }

    [OciHeader("storage-tier")] public StorageTier? StorageTier { get; set; }

    [OciHeader("opc-multipart-md5")] public string? OpcMultipartMd5 { get; set; }

    [OciHeader("is-not-modified")] public bool? IsNotModified { get; set; }

    [OciHeader("opc-meta-*")] public IReadOnlyDictionary<string, string> OpcMeta { get; set; } = new Dictionary<string, string>();

    [OciBody] public Stream Content { get; set; } = Stream.Null;

    public void Dispose() => Content.Dispose();
}
