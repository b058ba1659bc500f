namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>The body of CreateBucket.</summary>
public sealed record CreateBucketDetails(string Name, string CompartmentId)
{
    public Dictionary<string, string>? Metadata { get; init; }

    public Dictionary<string, string>? FreeformTags { get; init; }
}
