using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Incrementality;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Snapshots on their own: what makes two equal, and that one the pipeline keeps does not keep its compilation.
/// (IncrementalTests checks the same rules through the generator.)
/// </summary>
public sealed class InterfaceSnapshotTests
{
    private const string Api = """
        using System.Threading.Tasks;
        using OciRaw;
        namespace Sample;
        public partial interface IApi { [OciEndpoint("GET /a")] Task<Dto> GetAsync(); }
        """;

    private const string Dto = "namespace Sample; public sealed class Dto { public string? Name { get; set; } }";

    private const string Worker = "namespace Other; public sealed class Worker { public int Work() { return 1; } }";

    private const string OtherApi = """
        using System.Threading.Tasks;
        using OciRaw;
        namespace Sample;
        public partial interface IOtherApi { [OciEndpoint("GET /b")] Task<OtherDto> GetAsync(); }
        public sealed class OtherDto { public int Size { get; set; } }
        """;

    private static readonly ImmutableArray<string> Names = ["Sample.IApi"];

    [Fact]
    public void Holds_its_compilation_weakly_and_compares_without_it()
    {
        (InterfaceSnapshot kept, SyntaxTree[] trees, WeakReference compilation) = TakeAndForget();
        for (int i = 0; i < 3 && compilation.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(compilation.IsAlive, "The snapshot keeps its compilation alive.");
        Assert.Throws<InvalidOperationException>(() => kept.Context.Compilation);
        Assert.Equal(kept, Take(TestCompilation.Create().AddSyntaxTrees(trees)));
    }

    [Fact]
    public void Is_equal_after_a_body_edit_and_a_member_edit_nothing_depends_on()
    {
        CSharpCompilation compilation = TestCompilation.Create(Api, Dto, Worker);

        InterfaceSnapshot before = Take(compilation);

        Assert.Equal(before, Take(Edit(compilation, 2, Worker.Replace("return 1;", "return 2;", StringComparison.Ordinal))));
        Assert.Equal(before, Take(Edit(compilation, 2, Worker.Replace("public int Work()", "public long Work(int times)", StringComparison.Ordinal))));
        Assert.Equal(before.GetHashCode(), Take(Edit(compilation, 2, Worker.Replace("return 1;", "return 2;", StringComparison.Ordinal))).GetHashCode());
    }

    [Fact]
    public void Differs_when_anything_the_model_can_depend_on_changes()
    {
        CSharpCompilation compilation = TestCompilation.Create(Api, Dto, Worker);
        InterfaceSnapshot before = Take(compilation);
        MetadataReference oci = compilation.References.Single(r => r.Display?.EndsWith("OciRaw.dll", StringComparison.Ordinal) == true);

        Assert.NotEqual(before, Take(Edit(compilation, 1, Dto.Replace("string? Name", "int Name", StringComparison.Ordinal))));
        Assert.NotEqual(before, Take(Edit(compilation, 2, Worker.Replace("class Worker", "class Helper", StringComparison.Ordinal))));
        Assert.NotEqual(before, Take(compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable))));
        Assert.NotEqual(before, Take(compilation.WithAssemblyName("Renamed")));
        Assert.NotEqual(before, Take(compilation.ReplaceReference(oci, MetadataReference.CreateFromFile(oci.Display!))));
    }

    [Fact]
    public void A_dto_edit_changes_only_the_snapshots_of_the_interfaces_that_reach_it()
    {
        CSharpCompilation compilation = TestCompilation.Create(Api, Dto, OtherApi);
        ImmutableArray<string> both = ["Sample.IApi", "Sample.IOtherApi"];

        ImmutableArray<InterfaceSnapshot> before = InterfaceSnapshot.TakeAll(both, compilation);
        ImmutableArray<InterfaceSnapshot> after = InterfaceSnapshot.TakeAll(
            both, Edit(compilation, 1, Dto.Replace("string? Name", "int Name", StringComparison.Ordinal)));

        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
    }

    [Fact]
    public void Reads_declarations_only_when_compared()
    {
        CSharpCompilation compilation = TestCompilation.Create(Api, Dto, Worker);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new OciClientGenerator().AsSourceGenerator()], parseOptions: TestCompilation.ParseOptions)
            .RunGenerators(compilation);

        // One run (a command-line build) compares nothing, so it reads no tree.
        Assert.Contains(driver.GetRunResult().GeneratedTrees, tree => tree.FilePath.EndsWith("IApi.g.cs", StringComparison.Ordinal));
        Assert.All(compilation.SyntaxTrees, tree => Assert.False(TreeDeclarations.HasBeenRead(tree), tree.FilePath));

        // The next one compares its snapshots with these: both compilations' trees are read then.
        CSharpCompilation edited = Edit(compilation, 2, Worker.Replace("return 1;", "return 2;", StringComparison.Ordinal));
        driver.RunGenerators(edited);
        Assert.All(compilation.SyntaxTrees.Concat(edited.SyntaxTrees), tree => Assert.True(TreeDeclarations.HasBeenRead(tree), tree.FilePath));
    }

    [Fact]
    public void Takes_each_interface_once_in_the_order_found()
    {
        ImmutableArray<InterfaceSnapshot> snapshots = InterfaceSnapshot.TakeAll(["B.I", "A.I", "B.I"], TestCompilation.Create());

        Assert.Equal(["B.I", "A.I"], snapshots.Select(s => s.MetadataName));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (InterfaceSnapshot Snapshot, SyntaxTree[] Trees, WeakReference Compilation) TakeAndForget()
    {
        CSharpCompilation compilation = TestCompilation.Create(Api, Dto);
        return (Take(compilation), [.. compilation.SyntaxTrees], new WeakReference(compilation));
    }

    private static InterfaceSnapshot Take(Compilation compilation) => InterfaceSnapshot.TakeAll(Names, compilation).Single();

    private static CSharpCompilation Edit(CSharpCompilation compilation, int tree, string text) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[tree], compilation.SyntaxTrees[tree].WithChangedText(SourceText.From(text)));
}
