using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OciRaw.Generator.Diagnostics;

namespace OciRaw.Generator.Tests;

/// <summary>Runs <see cref="OciEndpointAnalyzer"/> and <see cref="OciServiceAnalyzer"/> over test sources.</summary>
internal static class AnalyzerRun
{
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(params string[] sources)
    {
        Compilation compilation = TestCompilation.Create(sources);
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new OciEndpointAnalyzer(), new OciServiceAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>The source text a diagnostic points at.</summary>
    public static string Text(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
