using System.Text.Json.Serialization;

namespace OciRaw.Client.Tests.Models;

/// <summary>Object Storage: the optional fields GetBucket can add.</summary>
public enum BucketField
{
    [JsonStringEnumMemberName("approximateCount")] ApproximateCount,
    [JsonStringEnumMemberName("approximateSize")] ApproximateSize,
    [JsonStringEnumMemberName("autoTiering")] AutoTiering,
}
