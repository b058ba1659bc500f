using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// Reads a base type's <c>[JsonPolymorphic]</c> and <c>[JsonDerivedType]</c>s into a <see cref="PolymorphismModel"/>,
/// reporting, at the attribute, every configuration System.Text.Json refuses at run time (OCIRAW030-OCIRAW033), so a
/// polymorphic shape that compiles behaves as System.Text.Json would.
/// </summary>
internal sealed class JsonPolymorphismParser
{
    /// <summary>System.Text.Json's default discriminator name.</summary>
    public const string DefaultDiscriminatorName = "$type";

    /// <summary>Other metadata names System.Text.Json refuses as a custom discriminator name.</summary>
    private static readonly string[] ReservedNames = ["$id", "$ref", "$values"];

    private readonly KnownTypes _known;
    private readonly DiagnosticSink _sink;
    private readonly JsonAttributeSupport _attributes;
    private readonly CancellationToken _cancellationToken;

    public JsonPolymorphismParser(KnownTypes known, DiagnosticSink sink, JsonAttributeSupport attributes, CancellationToken cancellationToken)
    {
        _known = known;
        _sink = sink;
        _attributes = attributes;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The type itself carries <c>[JsonPolymorphic]</c> or <c>[JsonDerivedType]</c> (neither is inherited).</summary>
    public bool IsBase(INamedTypeSymbol type) =>
        KnownTypes.Find(type, _known.JsonPolymorphic) is not null || KnownTypes.Find(type, _known.JsonDerivedType) is not null;

    /// <summary>The type or one of its base classes is a polymorphic base, so a base's serializer may write or read it.</summary>
    public bool InHierarchy(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (IsBase(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks that <paramref name="type"/> can be a base at all (OCIRAW030); false when reported.</summary>
    public bool CheckBase(INamedTypeSymbol type, string display)
    {
        string? why = type.TypeKind == TypeKind.Struct ? "it is a struct, and only classes have derived types"
            : type.IsSealed ? "it is sealed, so no type derives from it"
            : DerivedTypeAttributes(type).Count == 0 ? "its [JsonPolymorphic] lists no [JsonDerivedType], which System.Text.Json refuses at run time"
            : null;
        if (why is null)
        {
            return true;
        }

        AttributeData attribute = KnownTypes.Find(type, _known.JsonPolymorphic) ?? DerivedTypeAttributes(type)[0];
        _sink.Report(DiagnosticDescriptors.UnsupportedPolymorphicBase, _attributes.Location(attribute, type), display, why);
        return false;
    }

    /// <summary>
    /// The polymorphism model of <paramref name="type"/>, or null when a derived type or discriminator is refused
    /// (reported). <paramref name="resolve"/> gives a derived type's shape (null with the reason it has none) and
    /// <paramref name="jsonNamesOf"/> the JSON names of its members, against which the discriminator name is checked.
    /// </summary>
    public PolymorphismModel? Build(
        INamedTypeSymbol type, string display, ResolveDerived resolve, System.Func<INamedTypeSymbol, IEnumerable<string>> jsonNamesOf)
    {
        AttributeData? polymorphic = KnownTypes.Find(type, _known.JsonPolymorphic);
        string discriminatorName = DefaultDiscriminatorName;
        bool ignoreUnrecognized = false;
        var handling = UnknownDerivedTypeHandling.FailSerialization;
        if (polymorphic is not null)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in polymorphic.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "TypeDiscriminatorPropertyName" when argument.Value.Value is string name:
                        discriminatorName = name;
                        break;
                    case "IgnoreUnrecognizedTypeDiscriminators" when argument.Value.Value is bool ignore:
                        ignoreUnrecognized = ignore;
                        break;
                    case "UnknownDerivedTypeHandling" when argument.Value.Value is int value:
                        handling = (UnknownDerivedTypeHandling)value;
                        break;
                }
            }
        }

        bool ok = true;
        if (polymorphic is not null && System.Array.IndexOf(ReservedNames, discriminatorName) >= 0)
        {
            _sink.Report(DiagnosticDescriptors.DiscriminatorNameClash, _attributes.Location(polymorphic, type), discriminatorName, display,
                "is one of System.Text.Json's other metadata names ($id, $ref, $values), which System.Text.Json refuses");
            ok = false;
        }

        var derivedTypes = new List<DerivedTypeModel>();
        var symbols = new List<INamedTypeSymbol>();
        var discriminators = new Dictionary<object, INamedTypeSymbol>();
        foreach (AttributeData attribute in DerivedTypeAttributes(type))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol derived
                || derived.TypeKind == TypeKind.Error)
            {
                continue; // the compiler reports the bad typeof
            }

            string derivedDisplay = derived.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            object? discriminator = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value : null;
            string? why = DerivedTypeProblem(type, derived, handling, symbols);
            TypeShape? shape = null;
            if (why is null)
            {
                shape = resolve(derived, out string reason);
                if (shape is not { Kind: ShapeKind.Object })
                {
                    why = $"it cannot be serialized: {reason}";
                }
            }

            if (why is not null)
            {
                _sink.Report(DiagnosticDescriptors.UnsupportedDerivedType, _attributes.Location(attribute, type), derivedDisplay, display, why);
                ok = false;
                continue;
            }

            if (discriminator is not null)
            {
                if (discriminators.TryGetValue(discriminator, out INamedTypeSymbol? first))
                {
                    _sink.Report(DiagnosticDescriptors.DuplicateDiscriminator, _attributes.Location(attribute, type), Quote(discriminator), derivedDisplay,
                        first.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), display);
                    ok = false;
                    continue;
                }

                discriminators[discriminator] = derived;
                if (Clashes(derived, discriminatorName, jsonNamesOf))
                {
                    // System.Text.Json refuses the type at run time (InvalidOperationException).
                    _sink.Report(DiagnosticDescriptors.DiscriminatorNameClash, _attributes.Location(polymorphic ?? attribute, type), discriminatorName, display,
                        $"is also the JSON name of a member of its derived type '{derivedDisplay}', which System.Text.Json refuses; rename one of them or set TypeDiscriminatorPropertyName");
                    ok = false;
                    continue;
                }
            }

            symbols.Add(derived);
            derivedTypes.Add(new DerivedTypeModel
            {
                TypeName = derived.ToDisplayString(Naming.FullyQualifiedPlain),
                SerializerName = shape!.SerializerName!,
                StringDiscriminator = discriminator as string,
                IntDiscriminator = discriminator as int?,
                Depth = Depth(derived, type),
            });
        }

        return ok
            ? new PolymorphismModel
            {
                DiscriminatorName = discriminatorName,
                DerivedTypes = derivedTypes.ToEquatableArray(),
                UnknownDerivedTypeHandling = handling,
                IgnoreUnrecognizedTypeDiscriminators = ignoreUnrecognized,
            }
            : null;
    }

    /// <summary>Resolves a derived type to its shape, or null with the reason.</summary>
    public delegate TypeShape? ResolveDerived(INamedTypeSymbol derived, out string reason);

    private List<AttributeData> DerivedTypeAttributes(INamedTypeSymbol type)
    {
        var result = new List<AttributeData>();
        foreach (AttributeData attribute in DeclaredAttributes.Of(type))
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _known.JsonDerivedType))
            {
                result.Add(attribute);
            }
        }

        return result;
    }

    private static string? DerivedTypeProblem(INamedTypeSymbol type, INamedTypeSymbol derived, UnknownDerivedTypeHandling handling, List<INamedTypeSymbol> listed)
    {
        if (derived.IsUnboundGenericType)
        {
            return "it is an open generic type; list each closed type (typeof(Item<int>)) instead";
        }

        if (Depth(derived, type) < 0)
        {
            return "it does not derive from it";
        }

        if (derived.IsAbstract)
        {
            return handling == UnknownDerivedTypeHandling.FallBackToNearestAncestor
                ? "it is abstract, so it cannot be read; list its concrete types instead (FallBackToNearestAncestor finds them when writing)"
                : "it is abstract, which System.Text.Json allows only with FallBackToNearestAncestor; list its concrete types instead";
        }

        foreach (INamedTypeSymbol other in listed)
        {
            if (SymbolEqualityComparer.Default.Equals(other, derived))
            {
                return "it is listed twice";
            }
        }

        return null;
    }

    /// <summary>How many base-class steps lead from <paramref name="derived"/> to <paramref name="type"/>; -1 when none does.</summary>
    private static int Depth(INamedTypeSymbol derived, INamedTypeSymbol type)
    {
        int depth = 0;
        for (INamedTypeSymbol? current = derived; current is not null; current = current.BaseType, depth++)
        {
            if (SymbolEqualityComparer.Default.Equals(current, type))
            {
                return depth;
            }
        }

        return -1;
    }

    private static bool Clashes(INamedTypeSymbol derived, string discriminatorName, System.Func<INamedTypeSymbol, IEnumerable<string>> jsonNamesOf)
    {
        foreach (string name in jsonNamesOf(derived))
        {
            if (name == discriminatorName)
            {
                return true;
            }
        }

        return false;
    }

    private static string Quote(object discriminator) => discriminator is string text ? "'" + text + "'" : discriminator.ToString();
}
