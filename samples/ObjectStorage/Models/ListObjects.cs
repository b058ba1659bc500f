namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>A ListObjects page: the objects, the prefixes a delimiter collapsed, and where the next page starts.</summary>
public sealed class ListObjects
{
    public List<ObjectSummary> Objects { get; init; } = [];

    public List<string>? Prefixes { get; init; }

    /// <summary>The name to pass as <c>start</c> for the next page; null on the last page.</summary>
    public string? NextStartWith { get; init; }
}
