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

    private const string Usings = "using System.Threading.Tasks;\nusing OciRaw;\nnamespace Sample;\n";

    private const string Worker = """
        namespace Unrelated;
        public sealed class Worker { public int Work() { return 1; } }
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
        var parsed = new List<string>();
        (GeneratorDriver driver, CSharpCompilation compilation) = Start(new OciClientGenerator(parsed.Add));
        parsed.Clear();

        GeneratorRunResult rerun = Rerun(driver, compilation, 0, Dto.Replace("public string? Name { get; set; }", "public string? Name { get; set; } public int Age { get; set; }"));

        Assert.Equal(IncrementalStepRunReason.Modified, ClientReason(rerun, "IUsers"));
        Assert.True(ClientReason(rerun, "IGroups") is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(rerun.GeneratedSources, s => s.HintName == "OciRaw.Json.Sample.D.g.cs" && s.SourceText.ToString().Contains("\"age\"u8", StringComparison.Ordinal));
        Assert.Equal(["IUsers"], parsed); // IGroups does not reach Dto: its model is kept without a parse.
    }

    [Fact]
    public void A_keystroke_in_a_method_body_parses_nothing()
    {
        var parsed = new List<string>();
        (GeneratorDriver driver, CSharpCompilation compilation) = Start(new OciClientGenerator(parsed.Add), Worker);
        Assert.Equal(["IUsers", "IGroups"], parsed);
        parsed.Clear();

        GeneratorRunResult rerun = Rerun(driver, compilation, 3, Worker.Replace("return 1;", "return 2;", StringComparison.Ordinal));

        Assert.Empty(parsed);
        Assert.All(rerun.TrackedSteps[TrackingNames.Interface].SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.All(Outputs(rerun), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void A_declaration_edit_in_a_file_no_interface_depends_on_parses_nothing()
    {
        var parsed = new List<string>();
        (GeneratorDriver driver, CSharpCompilation compilation) = Start(new OciClientGenerator(parsed.Add), Worker);
        parsed.Clear();

        GeneratorRunResult rerun = Rerun(driver, compilation, 3, Worker.Replace("public int Work()", "public int Work(int times = 1) { return times; } public string? Name { get; set; } public int Other()", StringComparison.Ordinal));

        Assert.Empty(parsed);
        Assert.All(Outputs(rerun), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void A_new_type_anywhere_parses_again_and_regenerates_nothing_when_nothing_binds_to_it()
    {
        var parsed = new List<string>();
        (GeneratorDriver driver, CSharpCompilation compilation) = Start(new OciClientGenerator(parsed.Add), Worker);
        parsed.Clear();

        GeneratorRunResult rerun = Rerun(driver, compilation, 3, Worker + "\npublic sealed class Helper { }");

        Assert.Equal(["IUsers", "IGroups"], parsed);
        Assert.All(Outputs(rerun), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    /// <summary>Edits to declarations in other files that the generated code depends on, found from syntax alone.</summary>
    public static TheoryData<string, string[], int, string, string, string> DependencyEdits => new()
    {
        {
            "a constant used in a route",
            ["public static class Routes { public const string Users = \"/users\"; }",
             "public partial interface IApi { [OciEndpoint(\"GET \" + Routes.Users)] Task<string> GetAsync(); }"],
            0, "\"/users\"", "\"/people\"", "\"/people\""
        },
        {
            "a constant a route reaches through a global using static in a third file",
            ["global using static Sample.Routes;",
             "public static class Routes { public const string Users = \"/users\"; }",
             "public partial interface IApi { [OciEndpoint(\"GET \" + Users)] Task<string> GetAsync(); }"],
            1, "\"/users\"", "\"/people\"", "\"/people\""
        },
        {
            "another part of a partial DTO",
            ["public sealed partial class Dto { public string? Name { get; set; } }",
             "public sealed partial class Dto { public int Age { get; set; } }",
             "public partial interface IApi { [OciEndpoint(\"GET /dto\")] Task<Dto> GetAsync(); }"],
            1, "public int Age { get; set; }", "public int Years { get; set; }", "\"years\"u8"
        },
        {
            "a base class of a DTO",
            ["public class Base { public string? Id { get; set; } }",
             "public sealed class Dto : Base { public string? Name { get; set; } }",
             "public partial interface IApi { [OciEndpoint(\"GET /dto\")] Task<Dto> GetAsync(); }"],
            0, "public string? Id { get; set; }", "public string? Id { get; set; } public int Version { get; set; }", "\"version\"u8"
        },
        {
            "an enum a DTO uses, two files away",
            ["public enum Color { Red }",
             "public sealed class Paint { public Color Shade { get; set; } }",
             "public sealed class Dto { public Paint? Paint { get; set; } }",
             "public partial interface IApi { [OciEndpoint(\"GET /dto\")] Task<Dto> GetAsync(); }"],
            0, "Red }", "Red, Blue }", "\"Blue\""
        },
        {
            "a global using alias a DTO binds through",
            ["global using Part = Sample.Widget;",
             "public sealed class Widget { public int Size { get; set; } } public sealed class Gadget { public int Weight { get; set; } }",
             "public sealed class Dto { public Part? Part { get; set; } }",
             "public partial interface IApi { [OciEndpoint(\"GET /dto\")] Task<Dto> GetAsync(); }"],
            0, "Sample.Widget", "Sample.Gadget", "Sample_Gadget"
        },
        {
            "a [JsonDerivedType] added to a polymorphic base, naming a type in a file nothing mentioned yet",
            ["[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = \"kind\")] [System.Text.Json.Serialization.JsonDerivedType(typeof(Circle), \"circle\")] public abstract class Figure { }",
             "public sealed class Circle : Figure { public double Radius { get; set; } }",
             "public sealed class Square : Figure { public double Side { get; set; } }",
             "public partial interface IApi { [OciEndpoint(\"GET /figure\")] Task<Figure> GetAsync(); }"],
            0, "(typeof(Circle), \"circle\")]", "(typeof(Circle), \"circle\")] [System.Text.Json.Serialization.JsonDerivedType(typeof(Square), \"square\")]", "\"square\"u8"
        },
        {
            "a member of a derived type that only a base's [JsonDerivedType] reaches",
            ["[System.Text.Json.Serialization.JsonDerivedType(typeof(Circle), \"circle\")] public abstract class Figure { }",
             "public sealed class Circle : Figure { public double Radius { get; set; } }",
             "public partial interface IApi { [OciEndpoint(\"GET /figure\")] Task<Figure> GetAsync(); }"],
            1, "public double Radius { get; set; }", "public double Diameter { get; set; }", "\"diameter\"u8"
        },
    };

    [Theory]
    [MemberData(nameof(DependencyEdits))]
    public void An_edit_to_a_declaration_in_another_file_that_generated_code_depends_on_regenerates(
        string dependency, string[] files, int editedFile, string from, string to, string expected)
    {
        string[] sources = [.. files.Select(file => file.StartsWith("global using", StringComparison.Ordinal) ? file : Usings + file)];
        CSharpCompilation compilation = TestCompilation.Create(sources);
        GeneratorDriver driver = NewDriver(new OciClientGenerator()).RunGenerators(compilation);
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, tree => tree.ToString().Contains(expected, StringComparison.Ordinal));

        SyntaxTree old = compilation.SyntaxTrees[editedFile];
        Assert.True(sources[editedFile].Contains(from, StringComparison.Ordinal), $"Test setup ({dependency}): '{from}' is not in file {editedFile}.");
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, old.WithChangedText(SourceText.From(sources[editedFile].Replace(from, to, StringComparison.Ordinal))));
        Assert.Empty(edited.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        GeneratorRunResult rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(rerun.GeneratedSources, s => s.HintName.Contains(expected, StringComparison.Ordinal) || s.SourceText.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_type_that_changes_what_a_dto_member_binds_to_regenerates_the_serializer()
    {
        const string widgets = "namespace Parts { public sealed class Widget { public string? Label { get; set; } } }";
        string dto = "using Parts;\n" + Dto.Replace("public string? Name { get; set; }", "public Widget? Part { get; set; }", StringComparison.Ordinal);
        CSharpCompilation compilation = TestCompilation.Create(dto, UsersApi, widgets);
        GeneratorDriver driver = NewDriver(new OciClientGenerator()).RunGenerators(compilation);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, tree => tree.FilePath.EndsWith("OciRaw.Json.Parts.W.g.cs", StringComparison.Ordinal) && tree.ToString().Contains("class Parts_Widget_Json", StringComparison.Ordinal));

        // Sample.Widget is closer to Sample.Dto than Parts.Widget, so Dto.Part now binds to it: only declarations in
        // another file changed, and the serializers must follow.
        CSharpCompilation shadowed = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Sample { public sealed class Widget { public int Size { get; set; } } }", TestCompilation.ParseOptions, "Shadow.cs"));
        GeneratorRunResult rerun = driver.RunGenerators(shadowed).GetRunResult().Results.Single();

        Assert.Contains(rerun.GeneratedSources, s => s.HintName == "OciRaw.Json.Sample.W.g.cs" && s.SourceText.ToString().Contains("\"size\"u8", StringComparison.Ordinal));
        Assert.DoesNotContain(rerun.GeneratedSources, s => s.SourceText.ToString().Contains("class Parts_Widget_Json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_compilation_option_or_reference_change_parses_again()
    {
        var parsed = new List<string>();
        (GeneratorDriver driver, CSharpCompilation compilation) = Start(new OciClientGenerator(parsed.Add), Worker);
        parsed.Clear();

        driver = driver.RunGenerators(compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable)));
        Assert.Equal(["IUsers", "IGroups"], parsed);
        parsed.Clear();

        // The same file behind a new reference object: hosts reuse reference objects, so a new one is a real change.
        MetadataReference oci = compilation.References.Single(r => r.Display?.EndsWith("OciRaw.dll", StringComparison.Ordinal) == true);
        driver.RunGenerators(compilation.ReplaceReference(oci, MetadataReference.CreateFromFile(oci.Display!)));
        Assert.Equal(["IUsers", "IGroups"], parsed);
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

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) Start() => Start(new OciClientGenerator());

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) Start(OciClientGenerator generator, params string[] moreSources)
    {
        CSharpCompilation compilation = TestCompilation.Create([Dto, UsersApi, GroupsApi, .. moreSources]);
        return (NewDriver(generator).RunGenerators(compilation), compilation);
    }

    private static CSharpGeneratorDriver NewDriver(OciClientGenerator generator) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

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
