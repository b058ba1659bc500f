using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Tests;

/// <summary>Baselines of the real OCI shapes of issue 9 (collections and paging, small shapes); see Baselines/.</summary>
public sealed class RealShapeBaselineTests
{
    [Fact] public void CollectionsAndPaging() => Verify(InterfaceSources.CollectionsAndPaging);

    [Fact] public void SmallShapes() => Verify(InterfaceSources.SmallShapes);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorRun.Of(source);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Baseline.Verify(run, testName);
    }
}
