using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Diagnostics;

/// <summary>
/// Where the shared validation core sends problems. The analyzer reports them with real source locations; the
/// generator only needs the first message of each method (to emit a body that throws) and keeps no Roslyn objects.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<Diagnostic>? _diagnostics;

    private DiagnosticSink(List<Diagnostic>? diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>For the analyzer: keeps every diagnostic.</summary>
    public static DiagnosticSink Collecting() => new(new List<Diagnostic>());

    /// <summary>For the generator: keeps nothing but the messages.</summary>
    public static DiagnosticSink MessagesOnly() => new(null);

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ?? (IReadOnlyList<Diagnostic>)System.Array.Empty<Diagnostic>();

    /// <summary>Reports a problem; returns the formatted message ("OCIRAW004: ...") for generated error bodies.</summary>
    public string Report(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
    {
        Diagnostic diagnostic = Diagnostic.Create(descriptor, location, args);
        _diagnostics?.Add(diagnostic);
        return descriptor.Id + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }
}
