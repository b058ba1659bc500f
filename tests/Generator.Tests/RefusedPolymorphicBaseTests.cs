using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Tests;

/// <summary>
/// A polymorphic base that is refused (here OCIRAW032, a discriminator used twice) while one of its derived types has a
/// member of the base type: the refusal is reported where it stands, everything that needs the base is refused with
/// it, and the generated code never calls a serializer that was not generated (it used to: CS0234 in generated code).
/// </summary>
public sealed class RefusedPolymorphicBaseTests
{
    private const string Duplicate = "[JsonDerivedType(typeof(Folder), \"x\"), JsonDerivedType(typeof(File), \"x\")]";

    private const string Source = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Refused;

        REFUSAL
        public abstract class Node { public string? Name { get; set; } }

        public sealed class Folder : Node
        {
            public Node? Parent { get; set; }
            public List<Node>? Children { get; set; }
        }

        public sealed class File : Node { public long Size { get; set; } }

        public sealed class Listing { public Folder? Root { get; set; } }

        public partial interface IApi
        {
            METHODS
        }
        """;

    private static readonly string[] Methods =
    [
        "[OciEndpoint(\"GET /node\")] Task<Node> GetNodeAsync();",
        "[OciEndpoint(\"GET /folder\")] Task<Folder> GetFolderAsync();",
        "[OciEndpoint(\"GET /listing\")] Task<Listing> GetListingAsync();",
        "[OciEndpoint(\"GET /file\")] Task<File> GetFileAsync();",
    ];

    /// <summary>Ways to refuse the base (OCIRAW030 to 033), each with the methods in several orders.</summary>
    public static TheoryData<string, int[]> Refusals()
    {
        string[] refusals =
        [
            Duplicate,
            "[JsonPolymorphic(TypeDiscriminatorPropertyName = \"size\")] [JsonDerivedType(typeof(Folder), \"d\"), JsonDerivedType(typeof(File), \"f\")]",
            "[JsonPolymorphic(TypeDiscriminatorPropertyName = \"$ref\")] [JsonDerivedType(typeof(Folder), \"d\"), JsonDerivedType(typeof(File), \"f\")]",
            "[JsonDerivedType(typeof(Folder), \"d\"), JsonDerivedType(typeof(File), \"f\"), JsonDerivedType(typeof(Listing), \"l\")]",
            "[JsonPolymorphic]",
            "[JsonDerivedType(typeof(Folder), \"d\"), JsonDerivedType(typeof(Node), \"n\")]",
        ];
        int[][] orders = [[0, 1, 2, 3], [1, 0, 2, 3], [2, 1, 0, 3], [3, 2, 1, 0], [3, 0, 1, 2], [1, 2, 3, 0]];
        var data = new TheoryData<string, int[]>();
        foreach (string refusal in refusals)
        {
            foreach (int[] order in orders)
            {
                data.Add(refusal, order);
            }
        }

        return data;
    }

    private static string Sources(string refusal, int[] order) =>
        Source.Replace("REFUSAL", refusal, StringComparison.Ordinal)
            .Replace("METHODS", string.Join("\n    ", order.Select(i => Methods[i])), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Generated_code_compiles_and_every_method_that_needs_the_base_is_refused(string refusal, int[] order)
    {
        GeneratorRun run = GeneratorRun.Of(Sources(refusal, order));

        Diagnostic[] errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
        string client = run.Sources.Single(s => s.Key.StartsWith("OciRaw.Client.", StringComparison.Ordinal)).Value;
        foreach (string method in new[] { "GetNodeAsync", "GetFolderAsync", "GetListingAsync" })
        {
            Assert.Contains($"NotSupportedException(\"OCIRAW009: '{method}'", client, StringComparison.Ordinal);
        }

        // A derived type that does not need the base as a value still works on its own.
        Assert.DoesNotContain("NotSupportedException(\"OCIRAW009: 'GetFileAsync'", client, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refusal_is_reported_at_the_attribute_and_the_members_that_need_the_base()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Sources(Duplicate, [0, 1, 2, 3]));

        Diagnostic duplicate = Assert.Single(diagnostics, d => d.Id == "OCIRAW032");
        Assert.Equal("JsonDerivedType(typeof(File), \"x\")", AnalyzerRun.Text(duplicate));
        Assert.Contains(diagnostics, d => d.Id == "OCIRAW008" && AnalyzerRun.Text(d) == "Parent");
        Assert.Empty(diagnostics.Where(d => d.Location.GetLineSpan().Path.EndsWith(".g.cs", StringComparison.Ordinal)));
    }
}
