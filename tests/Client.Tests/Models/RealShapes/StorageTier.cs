using System.Text.Json.Serialization;

namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>Object Storage's storage tiers, by wire name.</summary>
public enum StorageTier
{
    [JsonStringEnumMemberName("Standard")] Standard,
    [JsonStringEnumMemberName("InfrequentAccess")] InfrequentAccess,
    [JsonStringEnumMemberName("Archive")] Archive,
}
