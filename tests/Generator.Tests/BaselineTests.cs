using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Tests;

/// <summary>Snapshots of the generated source for representative interfaces (see Baselines/).</summary>
public sealed class BaselineTests
{
    [Fact] public void IdentityUsers() => Verify(InterfaceSources.IdentityUsers);

    [Fact] public void PathParameters() => Verify(InterfaceSources.PathParameters);

    [Fact] public void QueryParameters() => Verify(InterfaceSources.QueryParameters);

    [Fact] public void Headers() => Verify(InterfaceSources.Headers);

    [Fact] public void BodyShapes() => Verify(InterfaceSources.BodyShapes);

    [Fact] public void ReturnShapes() => Verify(InterfaceSources.ReturnShapes);

    [Fact] public void RecordsAndStructs() => Verify(InterfaceSources.RecordsAndStructs);

    [Fact] public void EnumsAndValues() => Verify(InterfaceSources.EnumsAndValues);

    [Fact] public void GlobalNamespaceAndKeywords() => Verify(InterfaceSources.GlobalNamespaceAndKeywords);

    [Fact] public void RecursiveDto() => Verify(InterfaceSources.RecursiveDto);

    [Fact] public void SharedDtoAcrossInterfaces() => Verify(InterfaceSources.SharedDtoAcrossInterfaces);

    [Fact] public void JsonAttributes() => Verify(InterfaceSources.JsonAttributes);

    [Fact] public void PolymorphicModels() => Verify(InterfaceSources.PolymorphicModels);

    [Fact] public void BrokenMethod() => Verify(InterfaceSources.BrokenMethod);

    [Fact] public void HeaderResults() => Verify(InterfaceSources.HeaderResults);

    [Fact] public void RawBodies() => Verify(InterfaceSources.RawBodies);

    internal static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorRun.Of(source);
        // BrokenMethod's interface has a method that cannot be bound on purpose: the generator reports it (OCIRAW004 at
        // the parameter) and still generates a client; every other baseline is clean.
        Assert.Equal(testName == nameof(BrokenMethod) ? ["OCIRAW004"] : [], run.Result.Diagnostics.Select(d => d.Id).ToArray());
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Baseline.Verify(run, testName);
    }
}
