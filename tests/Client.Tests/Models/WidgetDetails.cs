using System.Text.Json.Serialization;

namespace OciRaw.Client.Tests.Models;

/// <summary>A request body: camelCase names, one explicit [JsonPropertyName], nullable members left out when null.</summary>
public sealed class WidgetDetails
{
    public string? DisplayName { get; set; }

    [JsonPropertyName("compartment-id")]
    public string? CompartmentId { get; set; }

    public string? Description { get; set; }

    public int Count { get; set; }

    public bool IsEnabled { get; set; }

    public WidgetState State { get; set; }

    public long? SizeInBytes { get; set; }

    public DateTimeOffset? TimeCreated { get; set; }

    public string? URLValue { get; set; }

    public string? IPAddress { get; set; }

    public List<string>? Tags { get; set; }

    public Dictionary<string, string>? FreeformTags { get; set; }

    public WidgetShape? Shape { get; set; }
}
