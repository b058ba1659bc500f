namespace OciRaw.Client.Tests.Models;

/// <summary>Container Instances: an item of ListContainerInstances' collection object.</summary>
public sealed class ContainerInstanceSummary
{
    public string Id { get; set; } = "";
    public string? DisplayName { get; set; }
}
