using System;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Diagnostics;

/// <summary>
/// A diagnostic as pipeline data: equatable, and holding no syntax tree or compilation (the model rule of incremental
/// generators), so parse results that carry their diagnostics still cache. Turned back into a <see cref="Diagnostic"/>
/// against the compilation being reported on, at a real source location, so <c>#pragma warning disable</c> and
/// .editorconfig severities apply as they do to the compiler's own diagnostics.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, DiagnosticLocation? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, object?[] arguments, CancellationToken cancellationToken)
    {
        var texts = new string[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            texts[i] = Convert.ToString(arguments[i], CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return new DiagnosticInfo(descriptor, DiagnosticLocation.From(location, cancellationToken), new EquatableArray<string>(texts));
    }

    /// <summary>The diagnostic, located in <paramref name="findTree"/>'s tree of the recorded path (Location.None when there is none).</summary>
    public Diagnostic ToDiagnostic(Func<string, SyntaxTree?> findTree, CancellationToken cancellationToken)
    {
        Location location = Location is { } at && findTree(at.FilePath) is { } tree ? at.In(tree, cancellationToken) : Microsoft.CodeAnalysis.Location.None;
        var arguments = new object[Arguments.Count];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptor, location, arguments);
    }
}
