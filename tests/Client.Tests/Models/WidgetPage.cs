namespace OciRaw.Client.Tests.Models;

/// <summary>A response body that wraps a list, as many OCI list operations do.</summary>
public sealed class WidgetPage
{
    public List<Widget> Items { get; set; } = [];
}
