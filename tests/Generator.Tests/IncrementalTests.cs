using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Edits that should and should not regenerate. (Every other test already checks that an unrelated edit re-runs
/// nothing; see <see cref="GeneratorRun"/>.)
/// </summary>
public sealed class IncrementalTests
{
    private const string Dto = """
        namespace Sample;
        public sealed class Dto { public string? Name { get; set; } }
        """;

    private const string UsersApi = """
        using System.Threading.Tasks;
        using OciRaw;
        namespace Sample;
        public partial interface IUsers
        {
            [OciEndpoint("GET /users/{id}")] Task<Dto> GetAsync(string id);
        }
        """;

    private const string GroupsApi = """
        using System.Threading.Tasks;
        using OciRaw;
        namespace Sample;
        public partial interface IGroups
        {
            [OciEndpoint("GET /groups/{id}")] Task<string> GetAsync(string id);
        }
        """;

    [Fact]
    public void A_comment_in_an_interface_file_regenerates_nothing()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = Start();

        GeneratorRunResult rerun = Rerun(driver, compilation, 1, UsersApi.Replace("namespace Sample;", "namespace Sample; // a comment"));

        Assert.All(Outputs(rerun), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void A_new_method_regenerates_only_its_interface()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = Start();
        string changed = UsersApi.Replace("Task<Dto> GetAsync(string id);", "Task<Dto> GetAsync(string id);\n    [OciEndpoint(\"DELETE /users/{id}\")] Task DeleteAsync(string id);");

        GeneratorRunResult rerun = Rerun(driver, compilation, 1, changed);

        Assert.Equal(IncrementalStepRunReason.Modified, ClientReason(rerun, "IUsers"));
        Assert.True(ClientReason(rerun, "IGroups") is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(rerun.GeneratedSources, s => s.HintName.Contains("IUsers", StringComparison.Ordinal) && s.SourceText.ToString().Contains("DeleteAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dto_change_in_another_file_regenerates_the_interfaces_that_use_it()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = Start();

        GeneratorRunResult rerun = Rerun(driver, compilation, 0, Dto.Replace("public string? Name { get; set; }", "public string? Name { get; set; } public int Age { get; set; }"));

        Assert.Equal(IncrementalStepRunReason.Modified, ClientReason(rerun, "IUsers"));
        Assert.True(ClientReason(rerun, "IGroups") is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(rerun.GeneratedSources, s => s.HintName.Contains("Sample_Dto_Json", StringComparison.Ordinal) && s.SourceText.ToString().Contains("\"age\"u8", StringComparison.Ordinal));
    }

    [Fact]
    public void Parsing_the_same_interface_twice_gives_equal_models()
    {
        InterfaceModel first = ParseUsers();
        InterfaceModel second = ParseUsers();

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equatable_arrays_compare_by_element()
    {
        var a = new EquatableArray<string>(["x", "y"]);
        var b = new EquatableArray<string>(["x", "y"]);
        var c = new EquatableArray<string>(["y", "x"]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal(EquatableArray<string>.Empty, default);
    }

    private static InterfaceModel ParseUsers()
    {
        CSharpCompilation compilation = TestCompilation.Create(Dto, UsersApi);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Sample.IUsers")!;
        return InterfaceParser.Parse(type, new KnownTypes(compilation), DiagnosticSink.MessagesOnly(), CancellationToken.None)!;
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) Start()
    {
        CSharpCompilation compilation = TestCompilation.Create(Dto, UsersApi, GroupsApi);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new OciClientGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return (driver.RunGenerators(compilation), compilation);
    }

    private static GeneratorRunResult Rerun(GeneratorDriver driver, CSharpCompilation compilation, int treeIndex, string newText)
    {
        SyntaxTree old = compilation.SyntaxTrees[treeIndex];
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, old.WithChangedText(SourceText.From(newText)));
        return driver.RunGenerators(edited).GetRunResult().Results.Single();
    }

    private static IEnumerable<IncrementalStepRunReason> Outputs(GeneratorRunResult run) =>
        run.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason);

    private static IncrementalStepRunReason ClientReason(GeneratorRunResult run, string interfaceName)
    {
        ImmutableArray<IncrementalGeneratorRunStep> steps = run.TrackedSteps[TrackingNames.Client];
        return steps.SelectMany(s => s.Outputs).Single(o => ((InterfaceModel)o.Value).Name == interfaceName).Reason;
    }
}
