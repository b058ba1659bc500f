using Microsoft.CodeAnalysis;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>The header parameters beyond one typed value: <c>"prefix-*"</c> maps and the content headers of a raw body.</summary>
internal sealed partial class InterfaceParser
{
    /// <summary>
    /// The model of a header map or raw-body content header; null with <paramref name="problem"/> set when the binding
    /// is wrong, and null without one for an ordinary header (checked by the caller).
    /// </summary>
    private ParameterModel? SpecialHeader(
        IParameterSymbol parameter, IMethodSymbol method, string identifier, string typeName, bool isNullable, string name, Location? location, out string? problem)
    {
        problem = null;
        bool isMap = HeaderNames.IsPrefix(name);
        string mapTypes = "an IDictionary<string, string> or IReadOnlyDictionary<string, string> parameter";
        if (HeaderNames.MapProblem(name, IsStringDictionary(parameter.Type), mapTypes, parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)) is { } mapProblem)
        {
            problem = _sink.Report(DiagnosticDescriptors.InvalidHeaderPrefix, location, name, parameter.Name, mapProblem);
            return null;
        }

        if (isMap)
        {
            return new ParameterModel
            {
                Identifier = identifier,
                TypeName = typeName,
                Kind = ParameterKind.HeaderMap,
                WireName = HeaderNames.Prefix(name),
                IsNullable = isNullable,
            };
        }

        if (!HeaderNames.IsRawBodyContentHeader(name))
        {
            return null;
        }

        if (_rawBody is null)
        {
            string why = HasJsonBody(method, out string? body)
                ? $"the body '{body}' is JSON, whose content headers the generated code sets itself"
                : $"'{method.Name}' has no [OciBody]";
            problem = _sink.Report(DiagnosticDescriptors.ContentHeaderWithoutRawBody, location, parameter.Name, method.Name, name, why);
            return null;
        }

        TypeShape? shape = _shapes.Resolve(parameter.Type, out string reason);
        if (shape is null || !IsSimpleValue(shape, collectionAllowed: false))
        {
            problem = UnsupportedParameter(parameter, method, location, "a content header", shape is null ? reason : "it must be a string, number, boolean, enum, GUID or date");
            return null;
        }

        return new ParameterModel
        {
            Identifier = identifier,
            TypeName = typeName,
            Kind = ParameterKind.ContentHeader,
            WireName = name.ToLowerInvariant(),
            Shape = shape,
            IsNullable = isNullable,
        };
    }

    private bool HasJsonBody(IMethodSymbol method, out string? name)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (_known.Declared.Find(parameter, _known.BodyAttribute, _cancellationToken) is not null)
            {
                name = parameter.Name;
                return true;
            }
        }

        name = null;
        return false;
    }

    private static bool IsStringDictionary(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } named
            || named.TypeArguments[0].SpecialType != SpecialType.System_String || named.TypeArguments[1].SpecialType != SpecialType.System_String)
        {
            return false;
        }

        string definition = named.OriginalDefinition.ToDisplayString();
        return definition is "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"
            or "System.Collections.Generic.Dictionary<TKey, TValue>";
    }
}
