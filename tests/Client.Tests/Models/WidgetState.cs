using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace OciRaw.Client.Tests.Models;

/// <summary>An enum whose wire values differ from its member names.</summary>
public enum WidgetState
{
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("NEEDS_ATTENTION")] NeedsAttention,
    [EnumMember(Value = "being-deleted")] BeingDeleted,
    Plain,
}
