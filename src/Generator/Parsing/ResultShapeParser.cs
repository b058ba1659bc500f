using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// Reads a header-bound result class, the TResult of <c>Task&lt;TResult&gt;</c> whose properties carry
/// <c>[OciHeader("name")]</c> (typed header values, or <c>"prefix-*"</c> maps) and at most one <c>[OciBody]</c>; the
/// Go SDK's response structs (GetObjectResponse) are the model. Every misuse is reported at the property.
/// </summary>
internal sealed class ResultShapeParser
{
    private const string HeaderTypes = "header values are strings, integers, floating-point numbers, bool, enums or DateTimeOffset (nullable forms too)";

    private readonly KnownTypes _known;
    private readonly DiagnosticSink _sink;
    private readonly JsonShapeResolver _shapes;
    private readonly CancellationToken _cancellationToken;

    public ResultShapeParser(KnownTypes known, DiagnosticSink sink, JsonShapeResolver shapes, CancellationToken cancellationToken)
    {
        _known = known;
        _sink = sink;
        _shapes = shapes;
        _cancellationToken = cancellationToken;
    }

    /// <summary>True when <paramref name="type"/> has a property with <c>[OciHeader]</c> or <c>[OciBody]</c>.</summary>
    public static bool IsResultClass(ITypeSymbol type, KnownTypes known)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.SpecialType != SpecialType.None)
        {
            return false;
        }

        foreach (IPropertySymbol property in Properties(named))
        {
            if (known.Declared.Find(property, known.HeaderAttribute, default) is not null || known.Declared.Find(property, known.BodyAttribute, default) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The model, or null (with every problem reported and the first returned) when the class cannot be bound.</summary>
    public ResultModel? Parse(INamedTypeSymbol type, out string? problem)
    {
        problem = null;
        string display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        Location? typeLocation = type.Locations.Length > 0 ? type.Locations[0] : null;
        if (ConstructionProblem(type) is { } why)
        {
            problem = _sink.Report(DiagnosticDescriptors.ResultNotConstructible, typeLocation, display, why);
        }

        var members = new List<ResultMember>();
        IPropertySymbol? body = null;
        var bound = new HashSet<string>();
        foreach (IPropertySymbol property in Properties(type))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            OciAttribute? header = _known.Declared.Find(property, _known.HeaderAttribute, _cancellationToken);
            OciAttribute? bodyAttribute = _known.Declared.Find(property, _known.BodyAttribute, _cancellationToken);
            if (header is null && bodyAttribute is null)
            {
                continue;
            }

            bound.Add(property.Name);
            Location? location = property.Locations.Length > 0 ? property.Locations[0] : typeLocation;
            string? memberProblem = null;
            if (header is not null && bodyAttribute is not null)
            {
                memberProblem = _sink.Report(DiagnosticDescriptors.ResultBodyConflict, location, property.Name, display,
                    "has both [OciHeader] and [OciBody]; bind it to one of them");
            }
            else if (property.SetMethod is null || !_known.IsReachable(property.SetMethod) || property.IsStatic)
            {
                memberProblem = _sink.Report(DiagnosticDescriptors.ResultNotConstructible, location, display,
                    $"property '{property.Name}' has no public or internal set or init accessor to assign it with");
            }
            else if (bodyAttribute is not null)
            {
                if (body is not null)
                {
                    memberProblem = _sink.Report(DiagnosticDescriptors.ResultBodyConflict, location, property.Name, display,
                        $"is a second [OciBody] (the first is '{body.Name}'); a response has one body");
                }
                else
                {
                    body = property;
                    ResultMember? member = ParseBody(property, display, location, out memberProblem);
                    if (member is not null)
                    {
                        members.Add(member);
                    }
                }
            }
            else
            {
                ResultMember? member = ParseHeader(property, header!, display, location, out memberProblem);
                if (member is not null)
                {
                    members.Add(member);
                }
            }

            problem ??= memberProblem;
        }

        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true } && !bound.Contains(member.Name))
            {
                problem ??= _sink.Report(DiagnosticDescriptors.ResultNotConstructible, member.Locations.Length > 0 ? member.Locations[0] : typeLocation, display,
                    $"its required member '{member.Name}' has no [OciHeader] or [OciBody], so the generated code cannot set it");
            }
        }

        // Body last: the object initializer reads headers first, then the body, and a stream body is the last thing opened.
        members.Sort((a, b) => IsBody(a).CompareTo(IsBody(b)));
        return problem is null ? new ResultModel(type.ToDisplayString(Naming.FullyQualifiedPlain), display, members.ToEquatableArray()) : null;
    }

    private static bool IsBody(ResultMember member) => member.Kind is ResultMemberKind.JsonBody or ResultMemberKind.StreamBody or ResultMemberKind.BytesBody or ResultMemberKind.TextBody;

    private string? ConstructionProblem(INamedTypeSymbol type)
    {
        if (type.IsAbstract)
        {
            return "it is abstract";
        }

        if (!_known.IsReachable(type) || (type.ContainingType is { } outer && !_known.IsReachable(outer)))
        {
            return "it is not public or internal";
        }

        if (type.TypeKind == TypeKind.Struct)
        {
            return null;
        }

        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0 && _known.IsReachable(constructor))
            {
                return null;
            }
        }

        return "it has no public or internal parameterless constructor";
    }

    private ResultMember? ParseBody(IPropertySymbol property, string display, Location? location, out string? problem)
    {
        problem = null;
        ITypeSymbol type = property.Type;
        bool required = IsDeclaredNonNullable(property);
        if (KnownTypes.Is(type, _known.Stream) && type is INamedTypeSymbol { TypeKind: TypeKind.Class } && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _known.Stream))
        {
            return new ResultMember { Name = property.Name, Kind = ResultMemberKind.StreamBody, Required = required };
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return new ResultMember { Name = property.Name, Kind = ResultMemberKind.BytesBody, Required = required };
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return new ResultMember { Name = property.Name, Kind = ResultMemberKind.TextBody, Required = required };
        }

        string typeName = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (IsResultClass(type, _known))
        {
            problem = _sink.Report(DiagnosticDescriptors.UnsupportedBodyProperty, location, property.Name, display, typeName,
                "it binds headers itself; a body is a JSON type, Stream, byte[] or string");
            return null;
        }

        if (type.OriginalDefinition.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Interface && !IsCollection(type))
        {
            problem = _sink.Report(DiagnosticDescriptors.UnsupportedBodyProperty, location, property.Name, display, typeName,
                "a body is a JSON type, Stream, byte[] or string");
            return null;
        }

        TypeShape? shape = _shapes.Resolve(type, out string reason);
        if (shape is null)
        {
            problem = _sink.Report(DiagnosticDescriptors.UnsupportedBodyProperty, location, property.Name, display, typeName, reason);
            return null;
        }

        return new ResultMember { Name = property.Name, Kind = ResultMemberKind.JsonBody, Shape = shape, Required = required };
    }

    private static bool IsCollection(ITypeSymbol type) => type.OriginalDefinition.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";

    private ResultMember? ParseHeader(IPropertySymbol property, OciAttribute header, string display, Location? location, out string? problem)
    {
        problem = null;
        string name = header.StringArgument ?? string.Empty;
        string typeName = property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        bool isMap = HeaderNames.IsPrefix(name);
        if (HeaderNames.MapProblem(name, IsReadOnlyStringMap(property.Type), "an IReadOnlyDictionary<string, string> property", typeName) is { } mapProblem)
        {
            problem = _sink.Report(DiagnosticDescriptors.InvalidHeaderPrefix, location, name, property.Name, mapProblem);
            return null;
        }

        if (isMap)
        {
            return new ResultMember { Name = property.Name, Kind = ResultMemberKind.HeaderMap, HeaderName = HeaderNames.Prefix(name) };
        }

        if (!HeaderNames.IsToken(name))
        {
            problem = _sink.Report(DiagnosticDescriptors.UnsupportedHeaderProperty, location, property.Name, display, typeName, name,
                $"'{name}' is not a valid header name");
            return null;
        }

        TypeShape? shape = IsHeaderValueType(property.Type) ? _shapes.Resolve(property.Type, out _) : null;
        if (shape is null)
        {
            problem = _sink.Report(DiagnosticDescriptors.UnsupportedHeaderProperty, location, property.Name, display, typeName, name, HeaderTypes);
            return null;
        }

        return new ResultMember { Name = property.Name, Kind = ResultMemberKind.Header, HeaderName = name, Shape = shape, Required = IsDeclaredNonNullable(property) };
    }

    /// <summary>Checked before the JSON resolver sees the type, so that a DTO here is an error and not a new serializer.</summary>
    private bool IsHeaderValueType(ITypeSymbol type)
    {
        ITypeSymbol value = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        return value.TypeKind == TypeKind.Enum
            || KnownTypes.Is(value, _known.DateTimeOffset)
            || value.SpecialType is SpecialType.System_String or SpecialType.System_Boolean
                or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;
    }

    private static bool IsReadOnlyStringMap(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true } named
        && named.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"
        && named.TypeArguments[0].SpecialType == SpecialType.System_String
        && named.TypeArguments[1].SpecialType == SpecialType.System_String;

    /// <summary>Like System.Text.Json's <c>RespectNullableAnnotations</c>: only a type declared non-nullable promises a value.</summary>
    private static bool IsDeclaredNonNullable(IPropertySymbol property) => property.Type.IsValueType
        ? property.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
        : property.NullableAnnotation == NullableAnnotation.NotAnnotated;

    /// <summary>Instance properties of the type and its bases, the most derived declaration of each name first.</summary>
    private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type)
    {
        // Names repeat only across a hierarchy (a property hiding its base's), so a type of its own needs no set.
        HashSet<string>? seen = type.BaseType is null or { SpecialType: SpecialType.System_Object or SpecialType.System_ValueType } ? null : new HashSet<string>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsIndexer: false, IsStatic: false } property && (seen is null || seen.Add(property.Name)))
                {
                    yield return property;
                }
            }
        }
    }
}
