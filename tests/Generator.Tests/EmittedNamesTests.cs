using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Emitting;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Generated helpers and locals are named after what they hold (<c>__ReadUser</c>, <c>__item</c>), never numbered, and
/// the names stay unique where simple names collide.
/// </summary>
public sealed class EmittedNamesTests
{
    private static readonly TypeShape UserA = Dto("global::A.User");
    private static readonly TypeShape UserB = Dto("global::B.User");

    [Fact]
    public void A_helper_is_named_after_the_type_and_its_shape()
    {
        var names = new EmittedNames([]);
        TypeShape list = new()
        {
            Kind = ShapeKind.List, TypeName = "global::System.Collections.Generic.List<global::A.User>", DisplayName = "List<User>",
            IsValueType = false, Element = UserA,
        };
        TypeShape nullableLong = new() { Kind = ShapeKind.Int64, TypeName = "long", DisplayName = "long", IsValueType = true, IsNullableValueType = true };
        TypeShape map = new()
        {
            Kind = ShapeKind.Dictionary, TypeName = "global::System.Collections.Generic.Dictionary<string, string>", DisplayName = "Dictionary<string, string>",
            IsValueType = false, Element = new TypeShape { Kind = ShapeKind.String, TypeName = "string", DisplayName = "string", IsValueType = false },
        };
        TypeShape generic = Dto("global::A.Page<global::A.User>");

        Assert.Equal("__ReadUser", names.Claim("__Read", UserA));
        Assert.Equal("__WriteUser", names.Claim("__Write", UserA));
        Assert.Equal("__ReadUserList", names.Claim("__Read", list));
        Assert.Equal("__ReadNullableLong", names.Claim("__Read", nullableLong));
        Assert.Equal("__WriteStringDictionary", names.Claim("__Write", map));
        Assert.Equal("__ReadPageOfUser", names.Claim("__Read", generic));
    }

    [Fact]
    public void The_same_shape_keeps_its_name()
    {
        var names = new EmittedNames([]);

        string first = names.Claim("__Read", UserA);

        Assert.Equal(first, names.Claim("__Read", Dto("global::A.User")));
    }

    [Fact]
    public void Two_types_with_the_same_simple_name_get_the_namespace_in_the_second_name()
    {
        var names = new EmittedNames([]);

        Assert.Equal("__ReadUser", names.Claim("__Read", UserA));
        Assert.Equal("__ReadBUser", names.Claim("__Read", UserB));
    }

    [Fact]
    public void A_parameter_called_like_a_helper_pushes_the_helper_to_another_name()
    {
        var names = new EmittedNames(["__ReadUser"]);

        Assert.Equal("__ReadAUser", names.Claim("__Read", UserA));
    }

    [Fact]
    public void When_the_qualified_name_is_taken_too_a_suffix_makes_it_unique()
    {
        // A.BUser's simple and qualified words are "BUser" and "ABUser"; AB.User's qualified word is "ABUser" as well.
        var names = new EmittedNames(["__ReadUser"]);
        string[] claimed =
        [
            names.Claim("__Read", Dto("global::A.BUser")),
            names.Claim("__Read", Dto("global::AB.User")),
            names.Claim("__Read", Dto("global::ABU.ser")),
        ];

        Assert.Equal(["__ReadBUser", "__ReadABUser", "__ReadSer"], claimed);
        Assert.Equal("__ReadABUser_2", names.Claim("__Read", Dto("global::A.B.User")));
    }

    [Fact]
    public void Locals_holding_a_value_as_a_type_are_named_after_it()
    {
        var names = new EmittedNames(["value"]);

        Assert.Equal("__circle", names.ClaimLocal("global::Shapes.Circle"));
        Assert.Equal("__otherCircle", names.ClaimLocal("global::Other.Circle"));
        Assert.Equal("__circle", names.ClaimLocal("global::Shapes.Circle"));
    }

    [Fact]
    public void Nested_locals_say_how_deep_they_are_in_words()
    {
        Assert.Equal("__item", EmittedNames.Nested("item", 0));
        Assert.Equal("__innerItem", EmittedNames.Nested("item", 1));
        Assert.Equal("__innerInnerKey", EmittedNames.Nested("key", 2));
        Assert.True(EmittedNames.IsNested("__innerInnerKey"));
        Assert.True(EmittedNames.IsNested("__error"));
        Assert.False(EmittedNames.IsNested("__items"));
        Assert.False(EmittedNames.IsNested("__innerThing"));
    }

    [Fact]
    public void IsNested_recognizes_exactly_the_names_Nested_gives()
    {
        // Every nested name to depth 6 is recognized, including those past the built-once levels.
        var nested = new HashSet<string>(StringComparer.Ordinal);
        foreach (string role in EmittedNames.NestedRoles)
        {
            for (int depth = 0; depth <= 6; depth++)
            {
                string name = EmittedNames.Nested(role, depth);
                nested.Add(name);
                Assert.True(EmittedNames.IsNested(name), name);
            }
        }

        // Near misses (a letter's case, a missing or extra part, a suffix) and member locals are not.
        string[] others =
        [
            "", "_", "__", "__inner", "__innerInner", "__Item", "__inneritem", "__innerinnerItem", "__InnerItem",
            "__itemX", "__innerItemX", "__innerInnerItems", "item", "_item", "___item", "__nonnull", "__innerNonnull",
            "__email", "__hasEmail", "__member", "__result", "__innerValue_1", "__innerInnerInnerInnerInnerInnerInnerPair2",
        ];
        foreach (string name in others.Where(n => !nested.Contains(n)))
        {
            Assert.False(EmittedNames.IsNested(name), name);
        }

        // And every prefix or extension of a nested name is judged the same way as by building the candidates.
        foreach (string name in nested.SelectMany(n => new[] { n.Substring(0, n.Length - 1), n + "s", n.ToUpperInvariant() }))
        {
            Assert.Equal(nested.Contains(name), EmittedNames.IsNested(name));
        }
    }

    [Fact]
    public async Task Colliding_type_names_and_a_parameter_named_like_a_helper_compile_and_round_trip()
    {
        const string source = """
            using System.Threading.Tasks;
            using OciRaw;

            namespace A { public sealed class User { public string? Name { get; set; } } }
            namespace B { public sealed class User { public int Age { get; set; } } }

            namespace Sample.Names
            {
                public partial interface INames
                {
                    [OciEndpoint("POST /a")] Task<A.User> AAsync([OciBody] A.User body, [OciHeader("x-read")] string? __ReadUser = null);
                    [OciEndpoint("POST /b")] Task<B.User> BAsync([OciBody] B.User body);
                }
            }

            namespace Probe
            {
                public static class Run
                {
                    public static async Task<string> RoundTripAsync()
                    {
                        var api = Sample.Names.INames.Create(new System.Net.Http.HttpClient(new Echo()) { BaseAddress = new System.Uri("https://echo.invalid/") });
                        A.User a = await api.AAsync(new A.User { Name = "ann" }, "r");
                        B.User b = await api.BAsync(new B.User { Age = 7 });
                        return a.Name + "|" + b.Age;
                    }
                }

                internal sealed class Echo : System.Net.Http.HttpMessageHandler
                {
                    protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
                        new(System.Net.HttpStatusCode.OK) { Content = new System.Net.Http.StringContent(await request.Content!.ReadAsStringAsync(cancellationToken)) };
                }
            }
            """;
        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Empty(run.Result.Diagnostics);
        Diagnostic[] problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
        string client = run.Sources["OciRaw.Client.Sample.Names.INames.g.cs"];
        Assert.Contains("__ReadAUser(ref", client, StringComparison.Ordinal);
        Assert.Contains("__ReadBUser(ref", client, StringComparison.Ordinal);
        Assert.Equal("ann|7", await GeneratedAssembly.RunAsync(run.Output, "Probe.Run", "RoundTripAsync"));
    }

    [Fact]
    public void No_baseline_has_a_numbered_identifier()
    {
        var numbered = new Regex(@"__[A-Za-z]+[0-9]+\b", RegexOptions.CultureInvariant);
        string[] files = Directory.GetFiles(Baseline.Root, "*.txt", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        string[] found = files
            .SelectMany(file => numbered.Matches(File.ReadAllText(file)).Select(m => Path.GetFileName(file) + ": " + m.Value))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        Assert.True(found.Length == 0, "Numbered identifiers in generated code:\n" + string.Join("\n", found));
    }

    private static TypeShape Dto(string typeName) => new()
    {
        Kind = ShapeKind.Object,
        TypeName = typeName,
        DisplayName = typeName.Substring(typeName.LastIndexOf('.') + 1),
        IsValueType = false,
        SerializerName = "S",
    };
}
