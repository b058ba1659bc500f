using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>The summary members ListObjects adds to <c>name</c> when asked (<c>fields=size,md5,...</c>).</summary>
public enum ObjectField
{
    [JsonStringEnumMemberName("name")] Name,
    [JsonStringEnumMemberName("size")] Size,
    [JsonStringEnumMemberName("etag")] ETag,
    [JsonStringEnumMemberName("md5")] Md5,
    [JsonStringEnumMemberName("timeCreated")] TimeCreated,
    [JsonStringEnumMemberName("timeModified")] TimeModified,
    [JsonStringEnumMemberName("storageTier")] StorageTier,
}
