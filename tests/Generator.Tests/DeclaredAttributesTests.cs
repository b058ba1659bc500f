using Microsoft.CodeAnalysis;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Attributes read from syntax (<see cref="DeclaredAttributes"/>) must be what the compiler binds, for every symbol the
/// parser can ask about: the generator would otherwise bind a parameter to the wrong place, or miss one.
/// </summary>
public sealed class DeclaredAttributesTests
{
    /// <summary>Ways of writing an attribute that the syntax alone cannot settle, next to the plain ones.</summary>
    private const string Tricky = """
        using System.Threading;
        using System.Threading.Tasks;
        using OciRaw;
        using Header = OciRaw.OciHeaderAttribute;

        namespace Tricky
        {
            internal static class Names
            {
                public const string RequestId = "opc-request-id";
            }

            public partial interface IWritten
            {
                [OciEndpoint("GET /a/{id}")]
                Task<OciResponse> GetAsync(
                    string id,
                    [Header("opc-aliased")] string? aliased = null,
                    [OciHeader(Names.RequestId)] string? constant = null,
                    [OciQuery("q"), System.ComponentModel.Description("d")] string? withOther = null,
                    [OciRaw.OciQuery] string? qualified = null,
                    [@OciQueryAttribute] string? verbatim = null,
                    [OciQueryAttribute("full")] string? fullName = null,
                    [OciQuery(CollectionFormat = OciCollectionFormat.Csv)] string[]? named = null,
                    [OciHeader("opc-" + "joined")] string? joined = null,
                    [OciHeader("opc-plain")] string? plain = null,
                    CancellationToken cancellationToken = default);

                [OciEndpoint(route: "POST /b"), return: System.Diagnostics.CodeAnalysis.NotNull]
                Task PostAsync([OciBody] string body);
            }
        }

        namespace Shadowed
        {
            // The user's own attribute, which the simple name finds before OciRaw's: it binds nothing for OciRaw.
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            internal sealed class OciHeaderAttribute(string name) : System.Attribute
            {
                public string Name { get; } = name;
            }

            public partial interface IShadowed
            {
                [OciEndpoint("GET /s")]
                Task<OciResponse> GetAsync([OciHeader("opc-x")] string? x = null);
            }
        }

        namespace Results
        {
            public sealed class Fetched
            {
                [OciHeader("etag")] public string? ETag { get; set; }
                [OciBody] public System.IO.Stream? Body { get; set; }
                public string? NotBound { get; set; }
            }
        }
        """;

    public static TheoryData<string> Sources() =>
    [
        Tricky,
        InterfaceSources.IdentityUsers,
        InterfaceSources.PathParameters,
        InterfaceSources.QueryParameters,
        InterfaceSources.Headers,
        InterfaceSources.BodyShapes,
        InterfaceSources.ReturnShapes,
        InterfaceSources.RecordsAndStructs,
        InterfaceSources.EnumsAndValues,
        InterfaceSources.JsonAttributes,
        InterfaceSources.PolymorphicModels,
        InterfaceSources.CollectionsAndPaging,
        InterfaceSources.SmallShapes,
        InterfaceSources.HeaderResults,
        InterfaceSources.RawBodies,
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_symbol_reads_what_the_compiler_binds(string source)
    {
        var compilation = TestCompilation.Create(source);
        var known = new KnownTypes(compilation);
        INamedTypeSymbol?[] own = [known.EndpointAttribute, known.QueryAttribute, known.HeaderAttribute, known.BodyAttribute];

        foreach (ISymbol symbol in SourceSymbols(compilation.Assembly.GlobalNamespace))
        {
            // A fresh reader per symbol: what one symbol's read left in the cache must not decide another's.
            var declared = new DeclaredAttributes(compilation, own);
            Assert.Equal(Describe(symbol.GetAttributes()), Describe(DeclaredAttributes.Of(symbol)));
            foreach (INamedTypeSymbol? attributeType in own)
            {
                AttributeData? bound = symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                OciAttribute? read = declared.Find(symbol, attributeType, default);
                Assert.True(bound is null == read is null, $"{symbol.ToDisplayString()}: [{attributeType!.Name}] bound {bound is not null}, read {read is not null}");
                if (bound is not null)
                {
                    Assert.Equal(bound.ConstructorArguments.Length == 1 ? bound.ConstructorArguments[0].Value as string : null, read!.StringArgument);
                    Assert.Equal(bound.ApplicationSyntaxReference!.GetSyntax().GetLocation(), read.Location);
                }
            }
        }
    }

    [Fact]
    public void Plain_attributes_are_read_from_syntax_and_the_rest_are_bound()
    {
        var compilation = TestCompilation.Create(Tricky);
        var known = new KnownTypes(compilation);
        IMethodSymbol get = Method(compilation, "Tricky.IWritten", "GetAsync");
        string? FromSyntax(string parameter, INamedTypeSymbol? attribute) =>
            known.Declared.Find(get.Parameters.Single(p => p.Name == parameter), attribute, default) is { } found
                ? (found.Bound is null ? "syntax " : "bound ") + found.StringArgument
                : null;

        Assert.Equal("syntax opc-plain", FromSyntax("plain", known.HeaderAttribute));
        Assert.Equal("syntax full", FromSyntax("fullName", known.QueryAttribute));
        Assert.Null(FromSyntax("id", known.HeaderAttribute));
        Assert.Equal("bound opc-aliased", FromSyntax("aliased", known.HeaderAttribute));
        Assert.Equal("bound opc-request-id", FromSyntax("constant", known.HeaderAttribute));
        Assert.Equal("bound q", FromSyntax("withOther", known.QueryAttribute));
        Assert.Equal("bound ", FromSyntax("qualified", known.QueryAttribute));
        Assert.Equal("bound ", FromSyntax("verbatim", known.QueryAttribute));
        Assert.Equal("bound ", FromSyntax("named", known.QueryAttribute));
        Assert.Equal("bound opc-joined", FromSyntax("joined", known.HeaderAttribute));
        Assert.Equal("syntax GET /a/{id}", known.Declared.Find(get, known.EndpointAttribute, default) is { Bound: null } endpoint ? "syntax " + endpoint.StringArgument : null);

        // A named constructor argument and a target on the same method: both bound.
        IMethodSymbol post = Method(compilation, "Tricky.IWritten", "PostAsync");
        Assert.NotNull(known.Declared.Find(post, known.EndpointAttribute, default)?.Bound);
        Assert.Null(known.Declared.Find(post.Parameters[0], known.BodyAttribute, default)?.Bound);
    }

    [Fact]
    public void A_users_own_attribute_of_the_same_name_is_not_OciRaws()
    {
        var compilation = TestCompilation.Create(Tricky);
        var known = new KnownTypes(compilation);
        IParameterSymbol x = Method(compilation, "Shadowed.IShadowed", "GetAsync").Parameters[0];

        Assert.Null(known.Declared.Find(x, known.HeaderAttribute, default));

        // And the generator says so where it is written, as it would if it had bound the attribute.
        Diagnostic notBound = Assert.Single(GeneratorRun.Of(Tricky).Result.Diagnostics, d => d.Id == "OCIRAW004");
        Assert.Contains("'x'", notBound.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IMethodSymbol Method(Compilation compilation, string type, string name) =>
        compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().Single();

    private static string Describe(IEnumerable<AttributeData> attributes) =>
        string.Join("; ", attributes.Select(a => a.AttributeClass?.ToDisplayString() + "(" + string.Join(", ", a.ConstructorArguments.Select(c => c.Value?.ToString())) + ")"));

    /// <summary>Every type declared in source, its members, their parameters, and the types' members' accessors' owners.</summary>
    private static IEnumerable<ISymbol> SourceSymbols(INamespaceSymbol ns)
    {
        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                foreach (ISymbol symbol in SourceSymbols(inner))
                {
                    yield return symbol;
                }
            }
            else if (member is INamedTypeSymbol { Locations: [{ IsInSource: true }, ..] } type)
            {
                yield return type;
                foreach (ISymbol typeMember in type.GetMembers())
                {
                    yield return typeMember;
                    if (typeMember is IMethodSymbol method)
                    {
                        foreach (IParameterSymbol parameter in method.Parameters)
                        {
                            yield return parameter;
                        }
                    }
                }
            }
        }
    }
}
