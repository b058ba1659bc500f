using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace OciRaw.Generator.Tests;

/// <summary>
/// The generator reports every OciRaw diagnostic from the parse it generates from (no analyzer parses again). Parse
/// results are kept while the declarations they read are unchanged, so these check that a kept diagnostic still points
/// at the right text after edits that move it, that each is reported once, and at a location in the user's own tree.
/// </summary>
public sealed class GeneratorDiagnosticsTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Moves;

        public static class Helper
        {
            public static int Work()
            {
                return 1;
            }
        }

        public partial interface IApi
        {
            [OciEndpoint("GET /fine")] Task<string> FineAsync();
            [OciEndpoint("GET /broken")] Task<string> BrokenAsync(string unbound);
        }
        """;

    public static TheoryData<string, string> Moves => new()
    {
        { "return 1;", "int a = 1;\n        int b = 2;\n\n\n        return a + b;" },
        { "Task<string> BrokenAsync(string unbound)", "Task<string>      BrokenAsync(\n            string   unbound)" },
        { "public static int Work()", "// a comment that moves everything below it\n    public static int Work()" },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_kept_diagnostic_points_at_its_syntax_after_an_edit_that_moves_it(string before, string after)
    {
        var parsed = new List<string>();
        CSharpCompilation compilation = TestCompilation.Create(Source);
        GeneratorDriver driver = Driver(new OciClientGenerator(parsed.Add)).RunGenerators(compilation);
        parsed.Clear();

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree edited = tree.WithChangedText(SourceText.From(Source.Replace(before, after, StringComparison.Ordinal)));
        CSharpCompilation next = compilation.ReplaceSyntaxTree(tree, edited);
        ImmutableArray<Diagnostic> kept = driver.RunGenerators(next).GetRunResult().Diagnostics;
        ImmutableArray<Diagnostic> fresh = Driver(new OciClientGenerator()).RunGenerators(next).GetRunResult().Diagnostics;

        Assert.Empty(parsed); // the model and its diagnostics were kept, not parsed again
        Diagnostic diagnostic = Assert.Single(kept);
        Assert.Equal("OCIRAW004", diagnostic.Id);
        Assert.Equal(Text(Assert.Single(fresh)), Text(diagnostic));
        Assert.Equal(Assert.Single(fresh).ToString(), diagnostic.ToString());
        Assert.Same(edited, diagnostic.Location.SourceTree);
    }

    [Fact]
    public void A_bad_model_reached_by_two_interfaces_is_reported_once()
    {
        const string source = """
            using System.Threading.Tasks;
            using OciRaw;
            namespace Sample.Shared;
            public sealed class Bad { public object? Anything { get; set; } }
            public partial interface IFirst { [OciEndpoint("GET /a")] Task<Bad> GetAsync(); }
            public partial interface ISecond { [OciEndpoint("GET /b")] Task<Bad> GetAsync(); }
            """;

        ImmutableArray<Diagnostic> diagnostics = Driver(new OciClientGenerator()).RunGenerators(TestCompilation.Create(source)).GetRunResult().Diagnostics;

        Diagnostic member = Assert.Single(diagnostics, d => d.Id == "OCIRAW008");
        Assert.Equal("Anything", Text(member));
        Assert.Equal(2, diagnostics.Count(d => d.Id == "OCIRAW009"));
    }

    [Fact]
    public void Diagnostics_stand_in_the_compilations_own_tree_so_the_compiler_filters_them_as_its_own()
    {
        CSharpCompilation compilation = TestCompilation.Create(Source);
        Diagnostic diagnostic = Assert.Single(Driver(new OciClientGenerator()).RunGenerators(compilation).GetRunResult().Diagnostics);
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Same(compilation.SyntaxTrees.Single(), diagnostic.Location.SourceTree);

        CSharpCompilation quiet = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("OCIRAW004", ReportDiagnostic.Suppress)));
        Driver(new OciClientGenerator()).RunGeneratorsAndUpdateCompilation(quiet, out _, out ImmutableArray<Diagnostic> reported);
        Assert.Empty(reported);
    }

    private static CSharpGeneratorDriver Driver(OciClientGenerator generator) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: TestCompilation.ParseOptions);

    private static string Text(Diagnostic diagnostic) => AnalyzerRun.Text(diagnostic);
}
