using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// Maps C# types to <see cref="TypeShape"/>s and builds the serializer model of every DTO and enum reached, reporting
/// members it cannot serialize and types it cannot construct. One resolver serves one interface.
/// </summary>
internal sealed class JsonShapeResolver
{
    private readonly KnownTypes _known;
    private readonly DiagnosticSink _sink;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, JsonTypeModel?> _types = new();
    private readonly Dictionary<string, string> _failures = new();
    private readonly List<JsonTypeModel> _ordered = new();
    private readonly JsonAttributeSupport _attributes;
    private readonly JsonMemberSelector _members;
    private readonly JsonPolymorphismParser _polymorphism;
    private JsonMemberSelector? _silentMembers;
    private readonly Dictionary<ITypeSymbol, (TypeShape? Shape, string Reason)> _resolved = new(SymbolEqualityComparer.Default);
    private readonly TypeBuildTracker _builds = new();

    public JsonShapeResolver(KnownTypes known, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        _known = known;
        _sink = sink;
        _cancellationToken = cancellationToken;
        _attributes = new JsonAttributeSupport(known, sink, cancellationToken);
        _members = new JsonMemberSelector(known, _attributes, cancellationToken);
        _polymorphism = new JsonPolymorphismParser(known, sink, _attributes, cancellationToken);
    }

    /// <summary>Every DTO and enum reached so far, in the order first met.</summary>
    public List<JsonTypeModel> Types => _ordered;

    /// <summary>The shape of <paramref name="type"/>, or null with the reason it cannot be serialized.</summary>
    public TypeShape? Resolve(ITypeSymbol type, out string reason)
    {
        // The same types come back for every property and parameter; formatting their names is the costly part.
        if (_resolved.TryGetValue(type, out (TypeShape? Shape, string Reason) known))
        {
            reason = known.Reason;
            return known.Shape;
        }

        int pending = _builds.PendingReferences;
        TypeShape? shape = ResolveUncached(type, out reason);
        if (_builds.PendingReferences == pending)
        {
            // A shape that reached a type still in progress, or finished only provisionally, may yet fail with it.
            _resolved[type] = (shape, reason);
        }

        return shape;
    }

    private TypeShape? ResolveUncached(ITypeSymbol type, out string reason)
    {
        reason = string.Empty;
        string name = type.ToDisplayString(Naming.FullyQualifiedPlain);
        string display = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            TypeShape? inner = Resolve(nullable.TypeArguments[0], out reason);
            return inner is null ? null : inner with { IsNullableValueType = true };
        }

        ShapeKind? scalar = ScalarKind(type);
        if (scalar is ShapeKind kind)
        {
            return new TypeShape { Kind = kind, TypeName = name, DisplayName = display, IsValueType = type.IsValueType };
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                reason = "multi-dimensional arrays have no JSON form";
                return null;
            }

            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return new TypeShape { Kind = ShapeKind.Bytes, TypeName = name, DisplayName = display, IsValueType = false };
            }

            return Collection(ShapeKind.Array, array.ElementType, name, display, out reason);
        }

        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            return Named(enumType, ShapeKind.Enum, name, display, out reason);
        }

        if (type is INamedTypeSymbol named && named.IsGenericType)
        {
            string definition = named.OriginalDefinition.ToDisplayString(Naming.FullyQualifiedPlain);
            switch (definition)
            {
                case "global::System.Collections.Generic.List<T>":
                case "global::System.Collections.Generic.IList<T>":
                case "global::System.Collections.Generic.ICollection<T>":
                case "global::System.Collections.Generic.IEnumerable<T>":
                case "global::System.Collections.Generic.IReadOnlyList<T>":
                case "global::System.Collections.Generic.IReadOnlyCollection<T>":
                    return Collection(ShapeKind.List, named.TypeArguments[0], name, display, out reason);
                case "global::System.Collections.Generic.Dictionary<TKey, TValue>":
                case "global::System.Collections.Generic.IDictionary<TKey, TValue>":
                case "global::System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                    if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
                    {
                        reason = "dictionaries need string keys (JSON object member names)";
                        return null;
                    }

                    return Collection(ShapeKind.Dictionary, named.TypeArguments[1], name, display, out reason);
            }
        }

        if (type is INamedTypeSymbol dto && type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None
            && !IsFrameworkType(type))
        {
            return Named(dto, ShapeKind.Object, name, display, out reason);
        }

        reason = type.TypeKind switch
        {
            TypeKind.Interface when type is INamedTypeSymbol polymorphicInterface && _polymorphism.IsBase(polymorphicInterface) =>
                "a polymorphic base must be a class for OciRaw (an interface's members are not serialized the same way); make it an abstract class",
            TypeKind.Interface => "interfaces other than the collection interfaces cannot be created when reading",
            TypeKind.TypeParameter => "a type parameter is not a concrete type",
            _ when type.SpecialType == SpecialType.System_Object => "object has no fixed JSON shape; use JsonElement for free-form values",
            _ when type.SpecialType == SpecialType.System_Char => "char is not a JSON type; use string",
            _ => "it is not a JSON value, collection, dictionary, enum or DTO",
        };
        return null;
    }

    private TypeShape? Collection(ShapeKind kind, ITypeSymbol elementType, string name, string display, out string reason)
    {
        TypeShape? element = Resolve(elementType, out reason);
        if (element is null)
        {
            reason = $"its element type '{elementType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' is not supported: {reason}";
            return null;
        }

        return new TypeShape { Kind = kind, TypeName = name, DisplayName = display, IsValueType = false, Element = element };
    }

    private TypeShape? Named(INamedTypeSymbol type, ShapeKind kind, string name, string display, out string reason)
    {
        reason = string.Empty;
        if (!IsAccessible(type))
        {
            reason = "it is private or protected; generated code needs at least internal access";
            return null;
        }

        string className = SerializerNaming.ClassName(type);
        if (_failures.TryGetValue(className, out string? failure))
        {
            reason = failure;
            return null;
        }

        if (_types.ContainsKey(className))
        {
            // In progress (a recursive reference resolves to the same serializer) or done; either way the type being
            // built now may have to wait for it (see TypeBuildTracker).
            _builds.ReferTo(className);
        }
        else
        {
            _types[className] = null;
            _builds.Push(className);
            JsonTypeModel? model = kind == ShapeKind.Enum ? BuildEnum(type, name, display, className, out reason) : BuildObject(type, name, display, className, out reason);
            List<Provisional> failedDependents = _builds.Pop(model is not null);
            if (model is null)
            {
                Fail(className, reason, failedDependents);
                return null;
            }

            _types[className] = model;
            _ordered.Add(model);
            _builds.ReferTo(className);
        }

        return new TypeShape
        {
            Kind = kind,
            TypeName = name,
            DisplayName = display,
            IsValueType = type.IsValueType,
            SerializerName = "global::" + GeneratedNames.Namespace + "." + className,
        };
    }

    /// <summary>
    /// Records a failed type and fails the types that were finished only provisionally on it, each with an OCIRAW008 on
    /// the members that led to a failed type, as when the failed type is reached first.
    /// </summary>
    private void Fail(string className, string reason, List<Provisional> failedDependents)
    {
        _failures[className] = reason;
        _types.Remove(className);
        if (failedDependents.Count == 0)
        {
            return;
        }

        var displays = new Dictionary<string, string>();
        foreach (Provisional dependent in failedDependents)
        {
            string display = _types[dependent.ClassName]!.DisplayName;
            displays[dependent.ClassName] = display;
            _types.Remove(dependent.ClassName);
            _failures[dependent.ClassName] = $"'{display}' has members that cannot be serialized";
        }

        _ordered.RemoveAll(model => displays.ContainsKey(model.SerializerClassName));
        foreach (Provisional dependent in failedDependents)
        {
            foreach ((JsonMember member, string target) in dependent.References)
            {
                if (_failures.TryGetValue(target, out string? why))
                {
                    _sink.Report(DiagnosticDescriptors.UnsupportedMemberType, SourceLocation(member.Symbol, member.Symbol.ContainingType), member.Name,
                        displays[dependent.ClassName], member.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), why);
                }
            }
        }
    }

    private JsonTypeModel? BuildEnum(INamedTypeSymbol type, string name, string display, string className, out string reason)
    {
        reason = string.Empty;
        if (!_attributes.CheckEnum(type, display))
        {
            reason = $"'{display}' uses an attribute that OciRaw does not support";
            return null;
        }

        var members = new List<EnumMemberModel>();
        string? unknown = null;
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is not IFieldSymbol { HasConstantValue: true } field)
            {
                continue;
            }

            if (field.Name == GeneratedNames.UnknownEnumValue)
            {
                unknown = field.Name;
                continue;
            }

            members.Add(new EnumMemberModel(field.Name, EnumWireValue(field)));
        }

        return new JsonTypeModel
        {
            TypeName = name,
            DisplayName = display,
            SerializerClassName = className,
            FileName = SerializerNaming.FileName(type),
            IsEnum = true,
            IsValueType = type.IsValueType,
            Properties = EquatableArray<JsonPropertyModel>.Empty,
            ConstructorParameters = EquatableArray<JsonConstructorParameterModel>.Empty,
            EnumMembers = members.ToEquatableArray(),
            UnknownEnumMember = unknown,
        };
    }

    private string EnumWireValue(IFieldSymbol field)
    {
        if (KnownTypes.Find(field, _known.JsonStringEnumMemberName) is { ConstructorArguments.Length: 1 } memberName
            && memberName.ConstructorArguments[0].Value is string explicitName)
        {
            return explicitName;
        }

        if (KnownTypes.Find(field, _known.EnumMember) is { } enumMember)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in enumMember.NamedArguments)
            {
                if (argument.Key == "Value" && argument.Value.Value is string value)
                {
                    return value;
                }
            }
        }

        return field.Name;
    }

    private JsonTypeModel? BuildObject(INamedTypeSymbol type, string name, string display, string className, out string reason)
    {
        reason = string.Empty;
        bool polymorphic = _polymorphism.IsBase(type);
        if (type.IsAbstract && !polymorphic)
        {
            ReportCannotConstruct(type, "it is abstract (an abstract type is read only as a polymorphic base with [JsonDerivedType]s)");
            reason = $"'{display}' is abstract";
            return null;
        }

        if (polymorphic && !_polymorphism.CheckBase(type, display))
        {
            reason = $"'{display}' cannot be a polymorphic base";
            return null;
        }

        // The constructor is chosen first because [SetsRequiredMembers] on it changes what 'required' means for members;
        // a missing constructor is reported only once the members are fine, so one problem does not hide behind another.
        // An abstract base is never created: only its derived types are.
        string why = string.Empty;
        IMethodSymbol? constructor = type.IsAbstract ? null : ChooseConstructor(type, out why);
        bool setsRequiredMembers = constructor is not null && KnownTypes.Find(constructor, _known.SetsRequiredMembers) is not null;
        bool attributesOk = _attributes.CheckObject(type, display);
        List<JsonMember>? members = _members.Select(type, display, setsRequiredMembers);
        if (!attributesOk || members is null)
        {
            reason = $"'{display}' uses a System.Text.Json attribute that OciRaw does not support";
            return null;
        }

        var properties = new List<JsonPropertyModel>();
        var bound = new List<JsonMember>();
        bool membersOk = true;
        foreach (JsonMember member in members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _builds.SetCurrentMember(member);
            TypeShape? shape = Resolve(member.Type, out string memberReason);
            _builds.SetCurrentMember(null);
            if (shape is null)
            {
                _sink.Report(DiagnosticDescriptors.UnsupportedMemberType, SourceLocation(member.Symbol, type), member.Name, display,
                    member.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), memberReason);
                membersOk = false;
                continue;
            }

            if (properties.Find(p => p.JsonName == member.JsonName) is { } clash)
            {
                // System.Text.Json refuses such a type at run time; here it is a compile-time error.
                _sink.Report(DiagnosticDescriptors.UnsupportedMemberType, SourceLocation(member.Symbol, type), member.Name, display,
                    member.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), $"its JSON name '{member.JsonName}' is already used by member '{clash.Name}'");
                membersOk = false;
                continue;
            }

            properties.Add(new JsonPropertyModel
            {
                Name = member.Name,
                JsonName = member.JsonName,
                Shape = shape,
                CanRead = member.CanGet,
                Assignment = member.Assignment,
                IsRequired = member.IsRequired,
                WriteCondition = member.WriteCondition,
                MayBeSetByConstructor = member.MayBeSetByConstructor,
            });
            bound.Add(member);
        }

        if (!membersOk)
        {
            reason = $"'{display}' has members that cannot be serialized";
            return null;
        }

        List<JsonConstructorParameterModel>? parameters = type.IsAbstract ? new List<JsonConstructorParameterModel>()
            : Constructible(type, display, constructor, why, setsRequiredMembers, bound, properties, out reason);
        if (parameters is null)
        {
            return null;
        }

        PolymorphismModel? polymorphism = null;
        if (polymorphic)
        {
            polymorphism = _polymorphism.Build(type, display, ResolveDerived, JsonNamesOf);
            if (polymorphism is null)
            {
                reason = $"'{display}' lists a derived type or type discriminator that OciRaw cannot serialize";
                return null;
            }
        }

        return new JsonTypeModel
        {
            TypeName = name,
            DisplayName = display,
            SerializerClassName = className,
            FileName = SerializerNaming.FileName(type),
            IsEnum = false,
            IsValueType = type.IsValueType,
            Properties = properties.ToEquatableArray(),
            ConstructorParameters = parameters.ToEquatableArray(),
            EnumMembers = EquatableArray<EnumMemberModel>.Empty,
            IsAbstract = type.IsAbstract,
            InPolymorphicHierarchy = _polymorphism.InHierarchy(type),
            Polymorphism = polymorphism,
        };
    }

    /// <summary>The constructor's parameters bound to members, or null when the type cannot be created (reported).</summary>
    private List<JsonConstructorParameterModel>? Constructible(INamedTypeSymbol type, string display, IMethodSymbol? constructor, string why,
        bool setsRequiredMembers, List<JsonMember> bound, List<JsonPropertyModel> properties, out string reason)
    {
        if (constructor is null)
        {
            ReportCannotConstruct(type, why);
            reason = $"'{display}' cannot be constructed: {why}";
            return null;
        }

        if (!setsRequiredMembers && JsonMemberSelector.FirstUnsetRequiredMember(type, bound) is { } unset)
        {
            string message = $"its required member '{unset}' is not read from JSON ([JsonIgnore], not public, or a field without [JsonInclude]), so generated code cannot set it";
            ReportCannotConstruct(type, message);
            reason = $"'{display}' cannot be constructed: {message}";
            return null;
        }

        return BindConstructor(type, display, constructor, bound, properties, out reason);
    }

    private TypeShape? ResolveDerived(INamedTypeSymbol derived, out string reason) => Resolve(derived, out reason);

    /// <summary>
    /// The JSON names of a derived type's members, for the discriminator name check: from its model, or, while the
    /// type is still being built (a derived type that refers back to its base), selected again without reporting.
    /// </summary>
    private IEnumerable<string> JsonNamesOf(INamedTypeSymbol type)
    {
        if (_types.TryGetValue(SerializerNaming.ClassName(type), out JsonTypeModel? model) && model is not null)
        {
            foreach (JsonPropertyModel property in model.Properties)
            {
                yield return property.JsonName;
            }

            yield break;
        }

        _silentMembers ??= new JsonMemberSelector(_known, new JsonAttributeSupport(_known, DiagnosticSink.MessagesOnly(), _cancellationToken), _cancellationToken);
        foreach (JsonMember member in _silentMembers.Select(type, type.Name, setsRequiredMembers: false) ?? new List<JsonMember>())
        {
            yield return member.JsonName;
        }
    }

    /// <summary>Binds the constructor's parameters to members (which then get their value through it).</summary>
    private List<JsonConstructorParameterModel>? BindConstructor(
        INamedTypeSymbol type, string display, IMethodSymbol constructor, List<JsonMember> members, List<JsonPropertyModel> properties, out string reason)
    {
        reason = string.Empty;
        var parameters = new List<JsonConstructorParameterModel>();
        foreach (IParameterSymbol parameter in constructor.Parameters)
        {
            int index = members.FindIndex(m => string.Equals(m.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase)
                && SymbolEqualityComparer.Default.Equals(m.Type.WithNullableAnnotation(NullableAnnotation.None), parameter.Type.WithNullableAnnotation(NullableAnnotation.None)));
            if (index < 0)
            {
                string message = $"constructor parameter '{parameter.Name}' matches no serializable property of the same type";
                ReportCannotConstruct(type, message);
                reason = $"'{display}' cannot be constructed: {message}";
                return null;
            }

            properties[index] = properties[index] with { Assignment = PropertyAssignment.Constructor };
            parameters.Add(new JsonConstructorParameterModel(Naming.Identifier(parameter.Name), index, DefaultValue(parameter)));
        }

        return parameters;
    }

    private IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, out string why)
    {
        why = string.Empty;
        var candidates = new List<IMethodSymbol>();
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (KnownTypes.Find(constructor, _known.JsonConstructor) is not null)
            {
                if (constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
                {
                    return constructor;
                }

                why = "its [JsonConstructor] constructor is private or protected; generated code needs at least internal access";
                return null;
            }

            if (constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal && !IsCopyConstructor(type, constructor))
            {
                candidates.Add(constructor);
            }
        }

        IMethodSymbol? parameterless = candidates.Find(c => c.Parameters.Length == 0);
        if (parameterless is not null)
        {
            return parameterless;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        why = candidates.Count == 0
            ? "it has no public or internal constructor"
            : "it has several constructors with parameters and none is marked [JsonConstructor]";
        return null;
    }

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
        type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static string? DefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        return parameter.ExplicitDefaultValue switch
        {
            null => "default",
            string text => Naming.Literal(text),
            bool flag => flag ? "true" : "false",
            // The value is parenthesized: '(E)-1' does not parse as a cast when E is not a keyword type.
            object value when parameter.Type.TypeKind == TypeKind.Enum =>
                "(" + parameter.Type.ToDisplayString(Naming.FullyQualifiedPlain) + ")(" + System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + ")",
            object value => "(" + parameter.Type.ToDisplayString(Naming.FullyQualifiedPlain) + ")(" + NumericLiteral(value) + ")",
        };
    }

    /// <summary>A C# literal of the exact value: decimals keep their digits, non-finite floats name their constant.</summary>
    private static string NumericLiteral(object value) => value switch
    {
        decimal number => number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m",
        double number when double.IsNaN(number) => "global::System.Double.NaN",
        double number when double.IsPositiveInfinity(number) => "global::System.Double.PositiveInfinity",
        double number when double.IsNegativeInfinity(number) => "global::System.Double.NegativeInfinity",
        float number when float.IsNaN(number) => "global::System.Single.NaN",
        float number when float.IsPositiveInfinity(number) => "global::System.Single.PositiveInfinity",
        float number when float.IsNegativeInfinity(number) => "global::System.Single.NegativeInfinity",
        float number => SymbolDisplay.FormatPrimitive(number, quoteStrings: false, useHexadecimalNumbers: false) + "f",
        _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false),
    };

    private void ReportCannotConstruct(INamedTypeSymbol type, string why) =>
        _sink.Report(DiagnosticDescriptors.CannotConstruct, SourceLocation(type, type), type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), why);

    private static Location? SourceLocation(ISymbol symbol, ISymbol fallback)
    {
        foreach (Location location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        foreach (Location location in fallback.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }

    private static bool IsAccessible(ITypeSymbol type)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return false;
            }
        }

        return true;
    }

    private ShapeKind? ScalarKind(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return ShapeKind.String;
            case SpecialType.System_Boolean: return ShapeKind.Boolean;
            case SpecialType.System_Byte: return ShapeKind.Byte;
            case SpecialType.System_SByte: return ShapeKind.SByte;
            case SpecialType.System_Int16: return ShapeKind.Int16;
            case SpecialType.System_UInt16: return ShapeKind.UInt16;
            case SpecialType.System_Int32: return ShapeKind.Int32;
            case SpecialType.System_UInt32: return ShapeKind.UInt32;
            case SpecialType.System_Int64: return ShapeKind.Int64;
            case SpecialType.System_UInt64: return ShapeKind.UInt64;
            case SpecialType.System_Single: return ShapeKind.Single;
            case SpecialType.System_Double: return ShapeKind.Double;
            case SpecialType.System_Decimal: return ShapeKind.Decimal;
            case SpecialType.System_DateTime: return ShapeKind.DateTime;
        }

        if (KnownTypes.Is(type, _known.DateTimeOffset))
        {
            return ShapeKind.DateTimeOffset;
        }

        if (KnownTypes.Is(type, _known.Guid))
        {
            return ShapeKind.Guid;
        }

        if (type is INamedTypeSymbol { Name: "DateOnly", Arity: 0, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return ShapeKind.DateOnly;
        }

        return KnownTypes.Is(type, _known.JsonElement) ? ShapeKind.JsonElement : null;
    }

    /// <summary>BCL types (TimeSpan, Uri, ...) are not DTOs even though they are classes and structs.</summary>
    private static bool IsFrameworkType(ITypeSymbol type)
    {
        string? ns = type.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal));
    }
}
