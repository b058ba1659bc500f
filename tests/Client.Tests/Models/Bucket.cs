namespace OciRaw.Client.Tests.Models;

/// <summary>Object Storage: a bucket.</summary>
public sealed class Bucket
{
    public string Name { get; set; } = "";
    public long? ApproximateCount { get; set; }
    public long? ApproximateSize { get; set; }
}
