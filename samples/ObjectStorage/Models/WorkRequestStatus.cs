using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>Where a work request is; states added later read as <see cref="UnknownEnumValue"/>.</summary>
public enum WorkRequestStatus
{
    UnknownEnumValue,
    [JsonStringEnumMemberName("ACCEPTED")] Accepted,
    [JsonStringEnumMemberName("IN_PROGRESS")] InProgress,
    [JsonStringEnumMemberName("FAILED")] Failed,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("CANCELING")] Canceling,
    [JsonStringEnumMemberName("CANCELED")] Canceled,
}
