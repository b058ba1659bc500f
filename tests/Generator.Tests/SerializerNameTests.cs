using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Serializer class names are unique per type: types whose names only differ in where the dots and underscores are,
/// nested types and generic instantiations each get their own serializer. Files group serializers by namespace and initial.
/// </summary>
public sealed class SerializerNameTests
{
    /// <summary>Each pair collided when names were the type's display string with every non-alphanumeric made '_'.</summary>
    private const string Colliding = """
        using System.Threading.Tasks;
        using OciRaw;

        namespace A { public sealed class B_C { public string? Name { get; set; } } }
        namespace A_B { public sealed class C { public int Count { get; set; } } }

        namespace N
        {
            public static class Outer { public sealed class Inner { public bool Nested { get; set; } } }
            public sealed class Outer_Inner { public string? Flat { get; set; } }
            public sealed class Item { public string? Id { get; set; } }
            public sealed class Page<T> { public T? Only { get; set; } }
            public sealed class Page_N_Item_ { public long Total { get; set; } }
        }

        namespace Sample.Collide
        {
            public partial interface ICollide
            {
                [OciEndpoint("POST /bc")] Task<A.B_C> BcAsync([OciBody] A.B_C body);
                [OciEndpoint("POST /c")] Task<A_B.C> CAsync([OciBody] A_B.C body);
                [OciEndpoint("POST /inner")] Task<N.Outer.Inner> InnerAsync([OciBody] N.Outer.Inner body);
                [OciEndpoint("POST /flat")] Task<N.Outer_Inner> FlatAsync([OciBody] N.Outer_Inner body);
                [OciEndpoint("POST /page")] Task<N.Page<N.Item>> PageAsync([OciBody] N.Page<N.Item> body);
                [OciEndpoint("POST /total")] Task<N.Page_N_Item_> TotalAsync([OciBody] N.Page_N_Item_ body);
            }
        }

        namespace Probe
        {
            public static class Run
            {
                /// <summary>Sends each DTO through the generated client to an echo handler and reads it back.</summary>
                public static async Task<string> RoundTripAsync()
                {
                    var api = Sample.Collide.ICollide.Create(new System.Net.Http.HttpClient(new Echo()) { BaseAddress = new System.Uri("https://echo.invalid/") });
                    A.B_C bc = await api.BcAsync(new A.B_C { Name = "bc" });
                    A_B.C c = await api.CAsync(new A_B.C { Count = 7 });
                    N.Outer.Inner inner = await api.InnerAsync(new N.Outer.Inner { Nested = true });
                    N.Outer_Inner flat = await api.FlatAsync(new N.Outer_Inner { Flat = "flat" });
                    N.Page<N.Item> page = await api.PageAsync(new N.Page<N.Item> { Only = new N.Item { Id = "i" } });
                    N.Page_N_Item_ total = await api.TotalAsync(new N.Page_N_Item_ { Total = 42 });
                    return $"{bc.Name}|{c.Count}|{inner.Nested}|{flat.Flat}|{page.Only?.Id}|{total.Total}|{string.Join(",", Echo.Bodies)}";
                }
            }

            internal sealed class Echo : System.Net.Http.HttpMessageHandler
            {
                public static readonly System.Collections.Generic.List<string> Bodies = new();

                protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
                {
                    string body = await request.Content!.ReadAsStringAsync(cancellationToken);
                    Bodies.Add(body);
                    return new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new System.Net.Http.StringContent(body) };
                }
            }
        }
        """;

    [Fact]
    public void Serializers_share_a_file_per_namespace_and_initial_and_namespaces_differing_in_case_share_one()
    {
        // Roslyn compares hint names ignoring case, so "Sample" and "sample" must not make two files of one name.
        GeneratorRun run = GeneratorRun.Of("""
            using System.Threading.Tasks;
            using OciRaw;

            namespace Sample { public sealed class User { public string? Name { get; set; } } public sealed class Unit { public int Size { get; set; } } public sealed class Team { public User? Lead { get; set; } public Unit? Part { get; set; } public sample.Usage? Use { get; set; } public _hidden? Hidden { get; set; } } public sealed class _hidden { public bool On { get; set; } } }
            namespace sample { public sealed class Usage { public long Bytes { get; set; } } }

            namespace Sample
            {
                public partial interface ITeams { [OciEndpoint("GET /teams/{id}")] Task<Team> GetAsync(string id); }
            }
            """);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Sample__0hidden_Json"] = "OciRaw.Json.Sample._.g.cs",
                ["Sample_Team_Json"] = "OciRaw.Json.Sample.T.g.cs",
                ["Sample_Unit_Json"] = "OciRaw.Json.Sample.U.g.cs",
                ["Sample_User_Json"] = "OciRaw.Json.Sample.U.g.cs",
                ["sample_Usage_Json"] = "OciRaw.Json.Sample.U.g.cs",
            },
            run.Serializers);
    }

    [Fact]
    public async Task Types_whose_old_names_collided_get_one_serializer_each_that_compiles_and_round_trips()
    {
        GeneratorRun run = GeneratorRun.Of(Colliding);

        Assert.Empty(run.Result.Diagnostics);
        Diagnostic[] problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
        Assert.Equal(
            [
                "A_0B_C_Json",
                "A_B_0C_Json",
                "N_Item_Json",
                "N_Outer_0Inner_Json",
                "N_Outer_1Inner_Json",
                "N_Page_0N_0Item_0_Json",
                "N_Page_2N_Item_4_Json",
            ],
            run.Serializers.Keys);

        string result = await GeneratedAssembly.RunAsync(run.Output, "Probe.Run", "RoundTripAsync");

        Assert.Equal("""bc|7|True|flat|i|42|{"name":"bc"},{"count":7},{"nested":true},{"flat":"flat"},{"only":{"id":"i"}},{"total":42}""", result);
    }

    [Theory]
    [InlineData("Sample.Identity.User", "Sample_Identity_User_Json")]
    [InlineData("Global", "Global_Json")]
    [InlineData("@event", "event_Json")]
    [InlineData("Sample.Identity.User_Details", "Sample_Identity_User_0Details_Json")]
    [InlineData("Sample.Outer.Inner", "Sample_Outer_1Inner_Json")]
    [InlineData("Sample.Page<Sample.Identity.User>", "Sample_Page_2Sample_Identity_User_4_Json")]
    [InlineData("Sample.Page<int>", "Sample_Page_2System_Int32_4_Json")]
    [InlineData("Sample.Page<int?>", "Sample_Page_2System_Nullable_2System_Int32_4_4_Json")]
    [InlineData("Sample.Page<string[]>", "Sample_Page_2System_String_5_6_4_Json")]
    [InlineData("Sample.Page<string[,]>", "Sample_Page_2System_String_5_3_6_4_Json")]
    [InlineData("Sample.Pair<int, string>", "Sample_Pair_2System_Int32_3System_String_4_Json")]
    [InlineData("Sample.Page<(int A, string B)>", "Sample_Page_2System_ValueTuple_2System_Int32_3System_String_4_4_Json")]
    [InlineData("Sample.Page<(int, string)>", "Sample_Page_2System_ValueTuple_2System_Int32_3System_String_4_4_Json")]
    [InlineData("Sample.Generic<int>.Nested", "Sample_Generic_2System_Int32_4_1Nested_Json")]
    [InlineData("Sample.Ünïcode", "Sample_Ünïcode_Json")]
    public void Names_are_readable(string type, string expected) => Assert.Equal(expected, NameOf(type));

    [Fact]
    public void Every_tricky_type_gets_a_name_of_its_own()
    {
        string[] types =
        [
            "A.B_C", "A_B.C", "A.B.C", "A.B__C", "A__B.C", "A_.B", "A._B", "A._0B", "A.Outer.Inner", "A.Outer_Inner", "A.Outer_1Inner",
            "A.Page<A.B.C>", "A.Page_2A_B_C_4", "A.Page<A.Page<A.B.C>>", "A.Pair<A.B.C, A.B.C>", "A.Page<A.Pair<A.B.C, A.B.C>>",
            "A.Page<int>", "A.Page<@int>", "A.Page<int[]>", "A.Page<int[][]>", "A.Page<int[,]>", "A.Page<int?>",
            "A.Generic<int>.Nested", "A.Generic<A.Generic<int>.Nested>.Nested",
        ];

        string[] names = types.Select(NameOf).ToArray();

        Assert.Equal(types.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_nested_type_and_a_namespace_type_of_the_same_dotted_name_differ()
    {
        // Only possible across assemblies: X.Y is a class in one and a namespace in the other.
        CSharpCompilation library = TestCompilation.Create("namespace X { public class Y { public class Z { } } }");
        CSharpCompilation app = TestCompilation.Create("namespace X.Y { public class Z { } }").AddReferences(library.ToMetadataReference());

        INamedTypeSymbol nested = library.GetTypeByMetadataName("X.Y+Z")!;
        INamedTypeSymbol inNamespace = app.GetTypeByMetadataName("X.Y.Z")!;

        Assert.Equal("X_Y_1Z_Json", SerializerNaming.ClassName(nested));
        Assert.Equal("X_Y_Z_Json", SerializerNaming.ClassName(inNamespace));
    }

    /// <summary>The serializer name of a type written as C# (resolved as a field type in a scratch compilation).</summary>
    private static string NameOf(string type)
    {
        string declarations = """
            public sealed class Global { }
            public sealed class @event { }
            public sealed class @int { }
            namespace Sample
            {
                public sealed class Outer { public sealed class Inner { } }
                public sealed class Page<T> { }
                public sealed class Pair<T1, T2> { }
                public sealed class Generic<T> { public sealed class Nested { } }
                public sealed class Ünïcode { }
                namespace Identity { public sealed class User { } public sealed class User_Details { } }
            }
            namespace A
            {
                public sealed class B_C { } public sealed class B__C { } public sealed class _B { } public sealed class _0B { }
                public sealed class Outer { public sealed class Inner { } } public sealed class Outer_Inner { } public sealed class Outer_1Inner { }
                public sealed class Page<T> { } public sealed class Page_2A_B_C_4 { } public sealed class Pair<T1, T2> { }
                public sealed class Generic<T> { public sealed class Nested { } }
                namespace B { public sealed class C { } }
            }
            namespace A_B { public sealed class C { } }
            namespace A__B { public sealed class C { } }
            namespace A_ { public sealed class B { } }
            """;
        CSharpCompilation compilation = TestCompilation.Create(declarations, $"public static class Holder {{ public static {type} Field = default!; }}");
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
        var field = (IFieldSymbol)compilation.GetTypeByMetadataName("Holder")!.GetMembers("Field").Single();
        return SerializerNaming.ClassName(field.Type);
    }
}
