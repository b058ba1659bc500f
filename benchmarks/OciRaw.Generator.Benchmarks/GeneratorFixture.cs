using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OciRaw.Generator.Benchmarks;

/// <summary>
/// The synthesized project parsed once, and the runs both modes measure. Every run gets a fresh compilation in which the
/// unrelated file has a new text (as after a keystroke), so a cold and an incremental run pay the same compiler costs
/// and differ only in the driver: a new one (cold) or the one that already ran (incremental).
/// </summary>
internal sealed class GeneratorFixture
{
    public const int Services = 100;

    /// <summary>Serializers per service: the resource, its summary, three details types and the enum.</summary>
    public const int SerializersPerService = 6;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private readonly CSharpCompilation _compilation;
    private readonly SyntaxTree _unrelated;
    private readonly SyntaxTree _firstModels;
    private readonly Dictionary<Edit, GeneratorDriver> _driversByEdit = [];
    private GeneratorDriver? _trivial;
    private int _edits;

    public GeneratorFixture()
    {
        SyntaxTree[] trees = [.. SyntheticProject.Files(Services).Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path))];
        _unrelated = trees.Single(tree => tree.FilePath == SyntheticProject.UnrelatedPath);
        _firstModels = trees.Single(tree => tree.FilePath == SyntheticProject.FirstModelsPath);
        _compilation = CSharpCompilation.Create(
            "Bench.Clients",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(OciEndpointAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // What the .NET SDK suppresses too: OciRaw.dll targets net8.0, this compilation net10.0.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        Driver = RunCold(NextCompilation());
    }

    /// <summary>The driver of the last run.</summary>
    public GeneratorDriver Driver { get; private set; }

    /// <summary>
    /// The project after one more <paramref name="edit"/> (by default a method body in the unrelated file). With
    /// <paramref name="bound"/>, the declarations (types, members, their signatures and attributes) are bound first,
    /// which every compile of the edit does anyway, so the run that follows measures the generator's own work.
    /// </summary>
    public CSharpCompilation NextCompilation(bool bound = false, Edit edit = Edit.MethodBody)
    {
        int number = ++_edits;
        CSharpCompilation compilation = edit == Edit.OneServiceDto
            ? _compilation.ReplaceSyntaxTree(_firstModels, CSharpSyntaxTree.ParseText(SyntheticProject.EditedModels(number), ParseOptions, SyntheticProject.FirstModelsPath))
            : _compilation.ReplaceSyntaxTree(_unrelated, CSharpSyntaxTree.ParseText(
                SyntheticProject.Unrelated(number, declaration: edit == Edit.UnrelatedDeclaration), ParseOptions, SyntheticProject.UnrelatedPath));
        if (bound)
        {
            BindDeclarations(compilation.Assembly.GlobalNamespace);
        }

        return compilation;
    }

    /// <summary>A new driver: nothing cached.</summary>
    public GeneratorDriver RunCold(Compilation compilation, bool trackSteps = false) => Driver = NewDriver(new OciClientGenerator(), trackSteps).RunGenerators(compilation);

    /// <summary>The driver that already ran, on a compilation in which only the unrelated file changed.</summary>
    public GeneratorDriver RunIncremental(Compilation compilation) => Driver = Driver.RunGenerators(compilation);

    /// <summary>
    /// An incremental run on a driver of its own that only ever sees edits of kind <paramref name="edit"/>, so that
    /// they never reach <see cref="Driver"/>, whose next body-only edit would otherwise look like a declaration change.
    /// </summary>
    public GeneratorDriver RunIncrementalOwnDriver(Edit edit, Compilation compilation) =>
        _driversByEdit[edit] = (_driversByEdit.TryGetValue(edit, out GeneratorDriver? driver)
            ? driver
            : NewDriver(new OciClientGenerator(), trackSteps: false).RunGenerators(compilation)).RunGenerators(compilation);

    /// <summary>The incremental run of <see cref="TrivialGenerator"/> (its driver ran once on the first call).</summary>
    public GeneratorDriver RunTrivialIncremental(Compilation compilation) =>
        _trivial = (_trivial ?? NewDriver(new TrivialGenerator(), trackSteps: false).RunGenerators(compilation)).RunGenerators(compilation);

    /// <summary>Throws unless the last run generated every client and serializer without a diagnostic.</summary>
    public void Check()
    {
        GeneratorRunResult result = Driver.GetRunResult().Results.Single();
        GeneratedSourceResult[] serializerFiles = result.GeneratedSources.Where(source => source.HintName.StartsWith("OciRaw.Json.", StringComparison.Ordinal)).ToArray();
        int serializers = serializerFiles.Sum(file => Regex.Count(file.SourceText.ToString(), @"internal static class \w+_Json\b"));
        int clients = result.GeneratedSources.Length - serializerFiles.Length;
        if (result.Exception is not null || !result.Diagnostics.IsEmpty || clients != Services || serializers != Services * SerializersPerService)
        {
            throw new InvalidOperationException(
                $"Generator run: {clients} clients, {serializers} serializers, exception {result.Exception?.Message ?? "none"}, diagnostics: " +
                string.Join("; ", result.Diagnostics));
        }

        if (result.GeneratedSources.FirstOrDefault(source => source.SourceText.ToString().Contains("NotSupportedException", StringComparison.Ordinal)) is { HintName: not null } unsupported)
        {
            throw new InvalidOperationException($"{unsupported.HintName} has a method the generator could not implement.");
        }
    }

    /// <summary>Compiles the project with the generated code; throws on any warning or error. Returns the number of trees.</summary>
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
    /// Why an edit costs what it costs: a cold run and one unrelated edit with step tracking on; per tracked step, how
    /// many of its outputs were new, modified, unchanged (recomputed, equal) or cached (not recomputed) after the edit.
    /// </summary>
    public IEnumerable<string> ExplainIncrementalSteps()
    {
        RunCold(NextCompilation(), trackSteps: true);
        GeneratorRunResult result = RunIncremental(NextCompilation()).GetRunResult().Results.Single();
        foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> steps) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
        {
            var reasons = steps.SelectMany(step => step.Outputs).GroupBy(output => output.Reason).OrderBy(group => group.Key)
                .Select(group => $"{group.Key} {group.Count()}");
            yield return $"| {name} | {steps.Length} | {string.Join(", ", reasons)} |";
        }

        RunCold(NextCompilation());
    }

    private static CSharpGeneratorDriver NewDriver(IIncrementalGenerator generator, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps),
            parseOptions: ParseOptions);

    private static void BindDeclarations(INamespaceSymbol ns)
    {
        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                BindDeclarations(inner);
                continue;
            }

            _ = member.GetAttributes();
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

/// <summary>The kinds of edit the incremental benchmarks make.</summary>
internal enum Edit
{
    /// <summary>A method body of the unrelated file: no interface depends on it.</summary>
    MethodBody,

    /// <summary>A method of the unrelated file renamed: a declaration, but one no interface reaches.</summary>
    UnrelatedDeclaration,

    /// <summary>A property added to the first service's resource DTO: one interface of 100 depends on it.</summary>
    OneServiceDto,
}
