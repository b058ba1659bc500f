namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>A part of Container Engine's CreateClusterDetails.</summary>
public sealed class CreateClusterDetails
{
    public required string Name { get; set; }

    public required string CompartmentId { get; set; }

    public required string VcnId { get; set; }

    public string? KubernetesVersion { get; set; }
}
