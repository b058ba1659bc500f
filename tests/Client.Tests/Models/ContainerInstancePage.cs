namespace OciRaw.Client.Tests.Models;

/// <summary>Container Instances: a page of ListContainerInstances read whole (OCI calls it ContainerInstanceCollection).</summary>
public sealed class ContainerInstancePage
{
    public List<ContainerInstanceSummary> Items { get; set; } = [];
}
