using System.Text.Json.Serialization;

namespace OciRaw.Client.Tests.Models;

/// <summary>An enum whose wire name holds a line break: as a header value it must be refused, not sent.</summary>
public enum BrokenWireName
{
    [JsonStringEnumMemberName("split\r\nx-injected: yes")] Split,
}
