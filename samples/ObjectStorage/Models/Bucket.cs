namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>A bucket as CreateBucket and GetBucket answer it (the members this sample reads; others are skipped).</summary>
public sealed class Bucket : BucketSummary
{
    public string? Id { get; init; }

    public Dictionary<string, string>? Metadata { get; init; }

    public string? StorageTier { get; init; }

    public string? PublicAccessType { get; init; }

    /// <summary>Only with <c>fields=approximateCount</c>.</summary>
    public long? ApproximateCount { get; init; }

    /// <summary>Only with <c>fields=approximateSize</c>.</summary>
    public long? ApproximateSize { get; init; }
}
