using Microsoft.CodeAnalysis;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// A HEAD response has no body (RFC 9110 §9.3.2), so a HEAD method that declares a body to read would always get
/// nothing: an empty string, or OciEmptyBodyException at run time. Object Storage HeadObject and HeadBucket carry their
/// answer in headers.
/// </summary>
internal static class HeadRoute
{
    /// <summary>The OCIRAW025 message when a HEAD method reads a body, else null.</summary>
    public static string? Problem(DiagnosticSink sink, IMethodSymbol method, string verb, ReturnKind kind, Location? returnTypeLocation)
    {
        if (verb != "HEAD" || kind is not (ReturnKind.Data or ReturnKind.Response or ReturnKind.String or ReturnKind.Stream
            or ReturnKind.AsyncEnumerable or ReturnKind.AsyncEnumerablePages))
        {
            return null;
        }

        return sink.Report(DiagnosticDescriptors.HeadReadsBody, returnTypeLocation, method.Name,
            method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
    }
}
