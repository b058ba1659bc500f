using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OciRaw.Generator;

/// <summary>
/// MSBuild properties the generator reads. Each is made visible to the compiler by the package's
/// buildTransitive/OciRaw.targets (<c>CompilerVisibleProperty</c>) and arrives as <c>build_property.NAME</c>.
/// </summary>
internal static class GeneratorOptions
{
    /// <summary>
    /// <c>true</c> turns off the declaration snapshots (src/Generator/Incrementality): every interface is parsed again
    /// on every edit. Slower in an IDE, never stale; the escape hatch should a snapshot ever miss a dependency.
    /// </summary>
    public const string DisableIncrementalSnapshots = "DisableOciRawIncrementalSnapshots";

    /// <summary>Whether the MSBuild property <paramref name="name"/> is set to <c>true</c> (case-insensitive).</summary>
    public static bool IsTrue(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_property." + name, out string? value)
        && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
