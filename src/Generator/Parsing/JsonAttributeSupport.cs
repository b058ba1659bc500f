using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Diagnostics;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// Finds System.Text.Json attributes (and [Flags]) that change how System.Text.Json reads or writes a type but that
/// generated code does not implement, and reports each as OCIRAW016 at the attribute. A type with such an attribute gets
/// no serializer: generated code that quietly behaved differently from System.Text.Json would be worse than none.
/// (<c>[JsonPolymorphic]</c> and <c>[JsonDerivedType]</c> are honoured; <see cref="JsonPolymorphismParser"/> reads them.)
/// </summary>
internal sealed class JsonAttributeSupport
{
    // Enum values of the attributes' arguments, as stored in metadata.
    private const int NumberHandlingStrict = 0;
    private const int CreationHandlingPopulate = 1;
    private const int UnmappedMemberHandlingDisallow = 1;

    private readonly KnownTypes _known;
    private readonly DiagnosticSink _sink;
    private readonly CancellationToken _cancellationToken;

    public JsonAttributeSupport(KnownTypes known, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        _known = known;
        _sink = sink;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Checks a serialized property or field; true when every attribute on it is honoured.</summary>
    public bool CheckMember(ISymbol member, ITypeSymbol memberType, string ownerDisplay) =>
        Check(member, $"member '{member.Name}' of '{ownerDisplay}'", attribute =>
            Is(attribute, _known.JsonExtensionData)
                ? "System.Text.Json collects unknown members into it and writes them back, while generated code skips unknown members; remove it, or declare the payload as JsonElement"
                : Is(attribute, _known.JsonConverter) && !IsStringEnumConverter(attribute, memberType)
                ? "generated code cannot run a custom converter (only JsonStringEnumConverter on an enum member is allowed, as enums are strings already)"
                : UnsupportedSharedReason(attribute));

    /// <summary>Checks a DTO class or struct; true when every attribute on it is honoured.</summary>
    public bool CheckObject(INamedTypeSymbol type, string display) =>
        Check(type, $"type '{display}'", attribute =>
            Is(attribute, _known.JsonConverter)
                ? "a converter replaces the type's JSON, and generated code cannot run one"
                : Is(attribute, _known.JsonUnmappedMemberHandling) && IntArgument(attribute) == UnmappedMemberHandlingDisallow
                ? "generated code always skips unknown members, because services add members over time"
                : UnsupportedSharedReason(attribute));

    /// <summary>Checks an enum; true when every attribute on it is honoured.</summary>
    public bool CheckEnum(INamedTypeSymbol type, string display) =>
        Check(type, $"enum '{display}'", attribute =>
            Is(attribute, _known.Flags)
                ? "System.Text.Json writes a combination of flags as comma-separated names (\"A, B\"), which generated enum code does not; use a list of enum values"
                : Is(attribute, _known.JsonConverter) && !IsStringEnumConverter(attribute, type)
                ? "generated code cannot run a custom converter (only JsonStringEnumConverter is allowed, as enums are strings already)"
                : null);

    /// <summary>Reports OCIRAW016 for every attribute of <paramref name="symbol"/> that <paramref name="reasonNotHonoured"/> gives a reason for; true when there is none.</summary>
    private bool Check(ISymbol symbol, string subject, System.Func<AttributeData, string?> reasonNotHonoured)
    {
        bool ok = true;
        foreach (AttributeData attribute in DeclaredAttributes.Of(symbol))
        {
            string? reason = reasonNotHonoured(attribute);
            ok &= reason is null || Report(attribute, symbol, subject, reason);
        }

        return ok;
    }

    /// <summary>Reports OCIRAW016 for <paramref name="attribute"/>; returns false, for use as <c>ok &amp;= ...</c>.</summary>
    public bool Report(AttributeData attribute, ISymbol target, string subject, string reason)
    {
        string name = attribute.AttributeClass?.Name ?? "?";
        if (name.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Attribute".Length);
        }

        _sink.Report(DiagnosticDescriptors.UnsupportedJsonAttribute, Location(attribute, target), name, subject, reason);
        return false;
    }

    /// <summary>Attributes that are allowed on both members and types.</summary>
    private string? UnsupportedSharedReason(AttributeData attribute) =>
        Is(attribute, _known.JsonNumberHandling) && IntArgument(attribute) != NumberHandlingStrict
            ? "generated code reads and writes numbers only as JSON numbers (JsonNumberHandling.Strict)"
            : Is(attribute, _known.JsonObjectCreationHandling) && IntArgument(attribute) == CreationHandlingPopulate
            ? "generated code always replaces members when reading, never populates the instance's existing values"
            : null;

    /// <summary>JsonStringEnumConverter (or JsonStringEnumConverter&lt;T&gt; of that enum) on an enum or nullable enum: what generated code does anyway.</summary>
    private bool IsStringEnumConverter(AttributeData attribute, ITypeSymbol target)
    {
        if (target is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            target = nullable.TypeArguments[0];
        }

        if (target.TypeKind != TypeKind.Enum || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol converter)
        {
            return false;
        }

        return SymbolEqualityComparer.Default.Equals(converter, _known.JsonStringEnumConverter)
            || (KnownTypes.Is(converter, _known.JsonStringEnumConverterOfT) && SymbolEqualityComparer.Default.Equals(converter.TypeArguments[0], target));
    }

    /// <summary>The attribute or one derived from it (a JsonConverterAttribute subclass is how converters get arguments).</summary>
    private static bool Is(AttributeData attribute, INamedTypeSymbol? known)
    {
        for (INamedTypeSymbol? type = attribute.AttributeClass; type is not null && known is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, known))
            {
                return true;
            }
        }

        return false;
    }

    private static int? IntArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value ? value : null;

    /// <summary>The attribute in source, else the symbol it is on (an attribute from metadata has no syntax).</summary>
    public Location? Location(AttributeData attribute, ISymbol target)
    {
        if (attribute.ApplicationSyntaxReference is { } reference)
        {
            return reference.GetSyntax(_cancellationToken).GetLocation();
        }

        foreach (Location location in target.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }
}
