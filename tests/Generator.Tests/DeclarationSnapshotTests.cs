using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Incrementality;

namespace OciRaw.Generator.Tests;

/// <summary>
/// The snapshot on its own: what makes two equal, and that the one the pipeline keeps does not keep its compilation.
/// (IncrementalTests checks the same rules through the generator.)
/// </summary>
public sealed class DeclarationSnapshotTests
{
    private const string Api = """
        using System.Threading.Tasks;
        using OciRaw;
        namespace Sample;
        public partial interface IApi { [OciEndpoint("GET /a")] Task<Dto> GetAsync(); }
        """;

    private const string Dto = "namespace Sample; public sealed class Dto { public string? Name { get; set; } }";

    private const string Worker = "namespace Other; public sealed class Worker { public int Work() { return 1; } }";

    private static readonly ImmutableArray<string> Names = ["Sample.IApi"];

    [Fact]
    public void Holds_its_compilation_weakly_and_compares_without_it()
    {
        (DeclarationSnapshot kept, SyntaxTree[] trees, WeakReference compilation) = TakeAndForget();
        for (int i = 0; i < 3 && compilation.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(compilation.IsAlive, "The snapshot keeps its compilation alive.");
        Assert.Throws<InvalidOperationException>(() => kept.Compilation);
        Assert.Equal(kept, Take(TestCompilation.Create().AddSyntaxTrees(trees)));
    }

    [Fact]
    public void Is_equal_after_a_body_edit_and_a_member_edit_nothing_depends_on()
    {
        CSharpCompilation compilation = TestCompilation.Create(Api, Dto, Worker);

        DeclarationSnapshot before = Take(compilation);

        Assert.Equal(before, Take(Edit(compilation, 2, Worker.Replace("return 1;", "return 2;", StringComparison.Ordinal))));
        Assert.Equal(before, Take(Edit(compilation, 2, Worker.Replace("public int Work()", "public long Work(int times)", StringComparison.Ordinal))));
        Assert.Equal(before.GetHashCode(), Take(Edit(compilation, 2, Worker.Replace("return 1;", "return 2;", StringComparison.Ordinal))).GetHashCode());
    }

    [Fact]
    public void Differs_when_anything_the_models_can_depend_on_changes()
    {
        CSharpCompilation compilation = TestCompilation.Create(Api, Dto, Worker);
        DeclarationSnapshot before = Take(compilation);
        MetadataReference oci = compilation.References.Single(r => r.Display?.EndsWith("OciRaw.dll", StringComparison.Ordinal) == true);

        Assert.NotEqual(before, Take(Edit(compilation, 1, Dto.Replace("string? Name", "int Name", StringComparison.Ordinal))));
        Assert.NotEqual(before, Take(Edit(compilation, 2, Worker.Replace("class Worker", "class Helper", StringComparison.Ordinal))));
        Assert.NotEqual(before, Take(compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable))));
        Assert.NotEqual(before, Take(compilation.WithAssemblyName("Renamed")));
        Assert.NotEqual(before, Take(compilation.ReplaceReference(oci, MetadataReference.CreateFromFile(oci.Display!))));
        Assert.NotEqual(before, DeclarationSnapshot.Take([.. Names, "Sample.IOther"], compilation, CancellationToken.None));
    }

    [Fact]
    public void Lists_each_interface_once_in_the_order_found()
    {
        DeclarationSnapshot snapshot = DeclarationSnapshot.Take(["B.I", "A.I", "B.I"], TestCompilation.Create(), CancellationToken.None);

        Assert.Equal(["B.I", "A.I"], snapshot.Interfaces);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (DeclarationSnapshot Snapshot, SyntaxTree[] Trees, WeakReference Compilation) TakeAndForget()
    {
        CSharpCompilation compilation = TestCompilation.Create(Api, Dto);
        return (Take(compilation), [.. compilation.SyntaxTrees], new WeakReference(compilation));
    }

    private static DeclarationSnapshot Take(Compilation compilation) => DeclarationSnapshot.Take(Names, compilation, CancellationToken.None);

    private static CSharpCompilation Edit(CSharpCompilation compilation, int tree, string text) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[tree], compilation.SyntaxTrees[tree].WithChangedText(SourceText.From(text)));
}
