using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>Reads <c>[OciQuery(CollectionFormat = ...)]</c>: <c>Multi</c> (0, the default) or <c>Csv</c> (1), on a collection.</summary>
internal static class QueryCollectionFormat
{
    private const int Multi = 0;
    private const int Csv = 1;

    /// <summary>
    /// False (with OCIRAW026 reported) when the format is not a defined value or is set on a parameter that is not a
    /// collection: a Csv that silently did nothing would send something other than what the code says.
    /// </summary>
    public static bool TryRead(DiagnosticSink sink, OciAttribute query, IParameterSymbol parameter, IMethodSymbol method, TypeShape shape, out bool isCsv, out string? problem)
    {
        isCsv = false;
        problem = null;
        // An attribute read from syntax has no named arguments: it is bound whenever it has any.
        if (query.Bound is not { } bound)
        {
            return true;
        }

        foreach (var argument in bound.NamedArguments)
        {
            if (argument.Key != "CollectionFormat" || argument.Value.Value is not int format)
            {
                continue;
            }

            Location? location = ArgumentLocation(bound) ?? (parameter.Locations.Length > 0 ? parameter.Locations[0] : null);
            if (format is not (Multi or Csv))
            {
                problem = sink.Report(DiagnosticDescriptors.InvalidCollectionFormat, location, parameter.Name, method.Name, format,
                    "it is not a defined OciCollectionFormat (Multi or Csv)");
                return false;
            }

            if (shape.Kind is not (ShapeKind.List or ShapeKind.Array))
            {
                problem = sink.Report(DiagnosticDescriptors.InvalidCollectionFormat, location, parameter.Name, method.Name, format == Csv ? "Csv" : "Multi",
                    $"its type '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' is not a collection; remove CollectionFormat or make it an array or list");
                return false;
            }

            isCsv = format == Csv;
        }

        return true;
    }

    private static Location? ArgumentLocation(AttributeData attribute)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (AttributeArgumentSyntax argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "CollectionFormat")
                {
                    return argument.GetLocation();
                }
            }
        }

        return null;
    }
}
