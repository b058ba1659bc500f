namespace OciRaw.Generator.Tests;

/// <summary>Baselines of the real OCI shapes of issue 9 (collections and paging, small shapes); see Baselines/.</summary>
public sealed class RealShapeBaselineTests
{
    [Fact] public void CollectionsAndPaging() => BaselineTests.Verify(InterfaceSources.CollectionsAndPaging);

    [Fact] public void SmallShapes() => BaselineTests.Verify(InterfaceSources.SmallShapes);
}
