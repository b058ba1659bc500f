namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>What a work request acts on (for CopyObject, the destination object).</summary>
public sealed class WorkRequestResource
{
    public string? ActionType { get; init; }

    public string? EntityType { get; init; }

    public string? Identifier { get; init; }

    public string? EntityUri { get; init; }
}
