namespace OciRaw.Client.Tests.Models;

/// <summary>A nested object of a request body.</summary>
public sealed record WidgetShape(string Name, double Ocpus)
{
    public decimal? MemoryInGBs { get; init; }
}
