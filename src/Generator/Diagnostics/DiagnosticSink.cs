using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Diagnostics;

/// <summary>
/// Where the parser sends problems: each becomes a <see cref="DiagnosticInfo"/> (equatable, no Roslyn objects) that the
/// generator reports at the offending syntax, and a message for the generated body of a method that cannot work.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<DiagnosticInfo>? _diagnostics;
    private readonly CancellationToken _cancellationToken;

    private DiagnosticSink(List<DiagnosticInfo>? diagnostics, CancellationToken cancellationToken)
    {
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Keeps every diagnostic.</summary>
    public static DiagnosticSink Collecting(CancellationToken cancellationToken) => new(new List<DiagnosticInfo>(), cancellationToken);

    /// <summary>Keeps nothing but the messages (for a parse whose diagnostics another parse reports).</summary>
    public static DiagnosticSink MessagesOnly() => new(null, CancellationToken.None);

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics?.ToEquatableArray() ?? EquatableArray<DiagnosticInfo>.Empty;

    /// <summary>Reports a problem; returns the formatted message ("OCIRAW004: ...") for generated error bodies.</summary>
    public string Report(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
    {
        Diagnostic diagnostic = Diagnostic.Create(descriptor, location, args);
        _diagnostics?.Add(DiagnosticInfo.Create(descriptor, location, args, _cancellationToken));
        return descriptor.Id + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }
}
