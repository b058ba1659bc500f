using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OciRaw.Generator.Benchmarks;

/// <summary>
/// The synthesized project parsed once, and the two runs both modes measure. Every run gets a fresh compilation with the
/// unrelated file edited (a new text each time, as a keystroke makes), so the cold and the incremental run pay the same
/// compilation costs and differ only in the generator driver: new (cold) or the one that already ran (incremental).
/// </summary>
internal sealed class GeneratorFixture
{
    public const int Services = 100;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);
    private static readonly GeneratorDriverOptions DriverOptions = new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false);
    private static readonly GeneratorDriverOptions TrackingOptions = new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);

    private readonly CSharpCompilation _compilation;
    private readonly SyntaxTree _unrelated;
    private int _edits;

    public GeneratorFixture()
    {
        SyntaxTree[] trees = [.. SyntheticProject.Files(Services).Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path))];
        _unrelated = trees.Single(tree => tree.FilePath == SyntheticProject.UnrelatedPath);
        _compilation = CSharpCompilation.Create(
            "Bench.Clients",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(OciEndpointAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // What the .NET SDK suppresses too: OciRaw.dll targets net8.0, this compilation net10.0.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        Driver = RunCold();
    }

    /// <summary>The driver of the last cold or incremental run.</summary>
    public GeneratorDriver Driver { get; private set; }

    /// <summary>A new driver over a fresh compilation: nothing cached.</summary>
    public GeneratorDriver RunCold() => Driver = NewDriver(DriverOptions).RunGenerators(NextCompilation());

    /// <summary>The driver that already ran, over a fresh compilation in which only the unrelated file changed.</summary>
    public GeneratorDriver RunIncremental() => Driver = Driver.RunGenerators(NextCompilation());

    /// <summary>Throws unless the last run generated every client and serializer without a diagnostic.</summary>
    public GeneratorRunResult Check()
    {
        GeneratorRunResult result = Driver.GetRunResult().Results.Single();
        int serializers = result.GeneratedSources.Count(source => source.HintName.StartsWith("OciRaw.Json.", StringComparison.Ordinal));
        int clients = result.GeneratedSources.Length - serializers;
        // Per service: Widget, Summary, the three details types and the enum.
        if (result.Exception is not null || !result.Diagnostics.IsEmpty || clients != Services || serializers != Services * 6)
        {
            throw new InvalidOperationException(
                $"Generator run: {clients} clients, {serializers} serializers, exception {result.Exception?.Message ?? "none"}, diagnostics: " +
                string.Join("; ", result.Diagnostics));
        }

        if (result.GeneratedSources.FirstOrDefault(source => source.SourceText.ToString().Contains("NotSupportedException", StringComparison.Ordinal)) is { HintName: not null } unsupported)
        {
            throw new InvalidOperationException($"{unsupported.HintName} has a method the generator could not implement.");
        }

        return result;
    }

    /// <summary>Compiles the project with the generated code and throws on any error or warning (seconds; not in the timed runs).</summary>
    public int CheckCompiles()
    {
        Driver.RunGeneratorsAndUpdateCompilation(NextCompilation(), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Diagnostic[] problems = [.. diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning)];
        if (problems.Length > 0)
        {
            throw new InvalidOperationException($"The generated code does not compile cleanly ({problems.Length}): " + string.Join("\n", problems.Take(10)));
        }

        return output.SyntaxTrees.Count();
    }

    /// <summary>
    /// Why an edit costs what it costs: runs cold and then one unrelated edit with step tracking on, and returns, per
    /// tracked step and output, how many outputs were new, modified, unchanged or cached after the edit.
    /// </summary>
    public IEnumerable<string> ExplainIncrementalSteps()
    {
        GeneratorDriver driver = NewDriver(TrackingOptions).RunGenerators(NextCompilation());
        GeneratorRunResult result = driver.RunGenerators(NextCompilation()).GetRunResult().Results.Single();
        foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> steps) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
        {
            var reasons = steps.SelectMany(step => step.Outputs).GroupBy(output => output.Reason).OrderBy(group => group.Key)
                .Select(group => $"{group.Key} {group.Count()}");
            yield return $"{name}: {steps.Length} step runs, outputs {string.Join(", ", reasons)}";
        }
    }

    /// <summary>
    /// Milliseconds of one edit split in two: binding the declarations of a fresh compilation (what the compiler or
    /// IDE pays for that compilation anyway), then the incremental generator run over the already-bound compilation.
    /// </summary>
    public (double BindMs, double GeneratorMs) TimeIncrementalOnBoundCompilation()
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        CSharpCompilation compilation = NextCompilation();
        BindDeclarations(compilation.Assembly.GlobalNamespace);
        double bind = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = System.Diagnostics.Stopwatch.GetTimestamp();
        Driver = Driver.RunGenerators(compilation);
        return (bind, System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static void BindDeclarations(INamespaceSymbol ns)
    {
        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                BindDeclarations(inner);
            }
            else
            {
                foreach (ISymbol symbol in member.GetMembers())
                {
                    _ = symbol.GetAttributes();
                    if (symbol is IMethodSymbol method)
                    {
                        _ = method.ReturnType;
                        foreach (IParameterSymbol parameter in method.Parameters)
                        {
                            _ = parameter.GetAttributes();
                        }
                    }
                    else if (symbol is IPropertySymbol property)
                    {
                        _ = property.Type;
                    }
                }
            }
        }
    }

    private static CSharpGeneratorDriver NewDriver(GeneratorDriverOptions options) =>
        CSharpGeneratorDriver.Create([new OciClientGenerator().AsSourceGenerator()], driverOptions: options, parseOptions: ParseOptions);

    private CSharpCompilation NextCompilation() =>
        _compilation.ReplaceSyntaxTree(_unrelated, CSharpSyntaxTree.ParseText(SyntheticProject.Unrelated(++_edits), ParseOptions, SyntheticProject.UnrelatedPath));
}
