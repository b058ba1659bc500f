namespace OciRaw.Client.Tests.Models;

/// <summary>A response body.</summary>
public sealed class Widget
{
    public string Id { get; set; } = "";

    public string? DisplayName { get; set; }

    public DateTimeOffset TimeCreated { get; set; }

    public WidgetState State { get; set; }

    public int? Count { get; set; }
}
