using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>The optional members GetBucket adds when asked (<c>fields=approximateCount,approximateSize</c>).</summary>
public enum BucketField
{
    [JsonStringEnumMemberName("approximateCount")] ApproximateCount,
    [JsonStringEnumMemberName("approximateSize")] ApproximateSize,
}
