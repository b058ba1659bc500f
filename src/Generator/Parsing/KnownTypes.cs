using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// The framework and OciRaw types the parser compares against. Resolving them (GetTypeByMetadataName searches every
/// referenced assembly) is the most expensive thing a transform would do, so they are resolved once per compilation
/// and shared by every transform of that compilation.
/// </summary>
internal sealed class KnownTypes
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownTypes> PerCompilation = new();

    /// <summary>The known types of <paramref name="compilation"/>, resolved on first use.</summary>
    public static KnownTypes For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownTypes(c));

    public KnownTypes(Compilation compilation)
    {
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        AsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        HttpResponseMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpResponseMessage");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        OciResponse = compilation.GetTypeByMetadataName("OciRaw.OciResponse`1");
        OciResponseBase = compilation.GetTypeByMetadataName("OciRaw.OciResponse");
        HttpContent = compilation.GetTypeByMetadataName("System.Net.Http.HttpContent");
        ReadOnlyMemory = compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1");
        JsonElement = compilation.GetTypeByMetadataName("System.Text.Json.JsonElement");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
        QueryAttribute = compilation.GetTypeByMetadataName(GeneratedNames.QueryAttribute);
        HeaderAttribute = compilation.GetTypeByMetadataName(GeneratedNames.HeaderAttribute);
        BodyAttribute = compilation.GetTypeByMetadataName(GeneratedNames.BodyAttribute);
        EndpointAttribute = compilation.GetTypeByMetadataName(GeneratedNames.EndpointAttribute);
        JsonPropertyName = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        JsonIgnore = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonConstructor = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConstructorAttribute");
        JsonStringEnumMemberName = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");
        EnumMember = compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute");
        JsonPropertyOrder = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyOrderAttribute");
        JsonRequired = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonRequiredAttribute");
        JsonInclude = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIncludeAttribute");
        JsonConverter = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverterAttribute");
        JsonStringEnumConverter = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumConverter");
        JsonStringEnumConverterOfT = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumConverter`1");
        JsonNumberHandling = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonNumberHandlingAttribute");
        JsonExtensionData = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonExtensionDataAttribute");
        JsonPolymorphic = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPolymorphicAttribute");
        JsonDerivedType = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonDerivedTypeAttribute");
        JsonUnmappedMemberHandling = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute");
        JsonObjectCreationHandling = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonObjectCreationHandlingAttribute");
        Flags = compilation.GetTypeByMetadataName("System.FlagsAttribute");
        SetsRequiredMembers = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
        Assembly = compilation.Assembly;
        Declared = new DeclaredAttributes(compilation, [EndpointAttribute, QueryAttribute, HeaderAttribute, BodyAttribute]);
    }

    /// <summary>OciRaw's own attributes of methods, parameters and properties, read from syntax where that is sound.</summary>
    public DeclaredAttributes Declared { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? AsyncEnumerable { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? HttpResponseMessage { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? OciResponse { get; }

    /// <summary>The non-generic <c>OciRaw.OciResponse</c>: status and headers without a body.</summary>
    public INamedTypeSymbol? OciResponseBase { get; }

    public INamedTypeSymbol? HttpContent { get; }

    public INamedTypeSymbol? ReadOnlyMemory { get; }

    public INamedTypeSymbol? JsonElement { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol? Dictionary { get; }

    public INamedTypeSymbol? QueryAttribute { get; }

    public INamedTypeSymbol? HeaderAttribute { get; }

    public INamedTypeSymbol? BodyAttribute { get; }

    public INamedTypeSymbol? EndpointAttribute { get; }

    public INamedTypeSymbol? JsonPropertyName { get; }

    public INamedTypeSymbol? JsonIgnore { get; }

    public INamedTypeSymbol? JsonConstructor { get; }

    public INamedTypeSymbol? JsonStringEnumMemberName { get; }

    public INamedTypeSymbol? EnumMember { get; }

    public INamedTypeSymbol? JsonPropertyOrder { get; }

    public INamedTypeSymbol? JsonRequired { get; }

    public INamedTypeSymbol? JsonInclude { get; }

    public INamedTypeSymbol? JsonConverter { get; }

    public INamedTypeSymbol? JsonStringEnumConverter { get; }

    public INamedTypeSymbol? JsonStringEnumConverterOfT { get; }

    public INamedTypeSymbol? JsonNumberHandling { get; }

    public INamedTypeSymbol? JsonExtensionData { get; }

    public INamedTypeSymbol? JsonPolymorphic { get; }

    public INamedTypeSymbol? JsonDerivedType { get; }

    public INamedTypeSymbol? JsonUnmappedMemberHandling { get; }

    public INamedTypeSymbol? JsonObjectCreationHandling { get; }

    public INamedTypeSymbol? Flags { get; }

    public INamedTypeSymbol? SetsRequiredMembers { get; }

    /// <summary>The assembly being compiled, which holds the generated code: what it can reach is what generated code can use.</summary>
    public IAssemblySymbol Assembly { get; }

    /// <summary>
    /// Whether generated code (in <see cref="Assembly"/>) may use <paramref name="symbol"/>: public, or internal to this
    /// assembly or to one that grants it access. Callers check the containing types separately.
    /// </summary>
    public bool IsReachable(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Internal or Accessibility.ProtectedOrInternal =>
            SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Assembly) || symbol.ContainingAssembly.GivesAccessTo(Assembly),
        _ => false,
    };

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (AttributeData data in DeclaredAttributes.Of(symbol))
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }
}
