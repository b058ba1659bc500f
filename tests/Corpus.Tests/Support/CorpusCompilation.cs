using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OciRaw.Generator;

namespace OciRaw.Corpus.Tests;

/// <summary>
/// The corpus as a user's project: its files (and, until the runtime has them, the contract shim's stand-ins) compiled
/// against net10.0 and OciRaw, the way the compiler runs the generator on it.
/// </summary>
internal sealed class CorpusCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(OciEndpointAttribute).Assembly.Location)];

    private CorpusCompilation(CorpusOutput corpus, CSharpCompilation compilation)
    {
        Corpus = corpus;
        Compilation = compilation;
    }

    public CorpusOutput Corpus { get; }

    /// <summary>The corpus without generated code.</summary>
    public CSharpCompilation Compilation { get; }

    public static CorpusCompilation Create(CorpusOutput corpus)
    {
        IEnumerable<SyntaxTree> trees = corpus.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "OciCorpus",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // OciRaw.dll targets net8.0 and is compiled here against net10.0: the .NET SDK silences these notices too.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        return new CorpusCompilation(corpus, compilation);
    }

    /// <summary>Runs the generator; the driver keeps per-step timings when <paramref name="trackSteps"/>.</summary>
    public (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Generate(bool trackSteps = false)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new OciClientGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        driver = driver.RunGeneratorsAndUpdateCompilation(Compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (driver, output, diagnostics);
    }

    /// <summary>
    /// Generator and compiler diagnostics (warnings and errors, as a build with warnings as errors sees them; OciRaw has
    /// no analyzer, its generator reports every problem), each charged to the operation, model or file it stands in;
    /// errors inside generated code are kept apart.
    /// </summary>
    public Task<CorpusCheck> CheckAsync()
    {
        (_, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics) = Generate();
        return Task.FromResult(Classify(output.GetDiagnostics().Concat(generatorDiagnostics)));
    }

    /// <summary>Charges <paramref name="diagnostics"/> (warnings and errors only) to their owners.</summary>
    public CorpusCheck Classify(IEnumerable<Diagnostic> diagnostics)
    {
        var owners = new DiagnosticOwners(Corpus);
        var byOwner = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var inGeneratedCode = new List<Diagnostic>();
        var charged = new List<(string Owner, Diagnostic Diagnostic)>();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            string? owner = owners.OwnerOf(diagnostic);
            if (owner is null)
            {
                inGeneratedCode.Add(diagnostic);
                continue;
            }

            if (!byOwner.TryGetValue(owner, out SortedSet<string>? ids))
            {
                byOwner[owner] = ids = new SortedSet<string>(StringComparer.Ordinal);
            }

            ids.Add(diagnostic.Id);
            charged.Add((owner, diagnostic));
        }

        return new CorpusCheck(Corpus, byOwner, inGeneratedCode, charged);
    }
}
