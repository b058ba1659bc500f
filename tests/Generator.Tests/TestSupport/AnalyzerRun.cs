using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OciRaw.Generator.Tests;

/// <summary>
/// The OciRaw diagnostics a build reports over test sources. The generator reports them (the analyzers that parsed
/// every interface a second time are gone), so this runs it as the compiler does; the name stays for the tests that
/// were written against the analyzers and assert the same ids at the same places.
/// </summary>
internal static class AnalyzerRun
{
    public static Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(params string[] sources)
    {
        Compilation compilation = TestCompilation.Create(sources);
        CSharpGeneratorDriver.Create([new OciClientGenerator().AsSourceGenerator()], parseOptions: TestCompilation.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics);
        return Task.FromResult(diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray());
    }

    /// <summary>The source text a diagnostic points at.</summary>
    public static string Text(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
