namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>An Object Storage work request (CopyObject's), as GetWorkRequest answers it.</summary>
public sealed class WorkRequest
{
    public required string Id { get; init; }

    public string? OperationType { get; init; }

    public WorkRequestStatus Status { get; init; }

    public string? CompartmentId { get; init; }

    public List<WorkRequestResource> Resources { get; init; } = [];

    public float? PercentComplete { get; init; }

    public DateTimeOffset? TimeAccepted { get; init; }

    public DateTimeOffset? TimeStarted { get; init; }

    public DateTimeOffset? TimeFinished { get; init; }
}
