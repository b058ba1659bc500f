namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>HeadObject's answer: headers only, with numbers of several kinds.</summary>
public sealed class HeadObjectResult
{
    [OciHeader("etag")] public string? ETag { get; set; }

    [OciHeader("content-length")] public long? ContentLength { get; set; }

    [OciHeader("content-type")] public string? ContentType { get; set; }

    [OciHeader("content-md5")] public string? ContentMd5 { get; set; }

    [OciHeader("last-modified")] public DateTimeOffset LastModified { get; set; }

    [OciHeader("x-replicas")] public int? Replicas { get; set; }

    [OciHeader("x-ratio")] public double? Ratio { get; set; }

    [OciHeader("x-price")] public decimal? Price { get; set; }

    [OciHeader("x-small")] public byte? Small { get; set; }

    [OciHeader("archival-state")] public StorageTier? Tier { get; set; }

    [OciHeader("opc-meta-*")] public IReadOnlyDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();
}
