using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// What every interface's model depends on besides its own trees: the name-lookup surface of every tree (a type or
/// using added anywhere can change what a name binds to), the compilation options, the references and the assembly
/// name; and, held weakly and outside equality, the compilation to parse against.
/// </summary>
/// <remarks>
/// The parse step reads <see cref="Compilation"/> only for a new value, that is within the generator run that made it,
/// while the driver holds the compilation; a value the pipeline keeps because it compared equal must not keep an old
/// compilation alive.
/// </remarks>
internal sealed class CompilationContext : IEquatable<CompilationContext>
{
    private readonly WeakReference<Compilation> _compilation;
    private readonly DeclarationIndex? _index;
    private readonly CompilationOptions _options;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly string? _assemblyName;

    /// <param name="index">The trees' declarations, whose name-lookup surface is compared; null to compare none.</param>
    public CompilationContext(Compilation compilation, DeclarationIndex? index)
    {
        _compilation = new WeakReference<Compilation>(compilation);
        _index = index;
        _options = compilation.Options;
        _references = ImmutableArray.CreateRange(compilation.References);
        _assemblyName = compilation.AssemblyName;
    }

    /// <summary>The compilation this context was taken of; only valid in the generator run that took it.</summary>
    public Compilation Compilation =>
        _compilation.TryGetTarget(out Compilation? compilation)
            ? compilation
            : throw new InvalidOperationException("A declaration snapshot was read after its generator run; the pipeline must only parse new snapshots.");

    /// <inheritdoc />
    public bool Equals(CompilationContext? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && _assemblyName == other._assemblyName
            && _options.Equals(other._options)
            && SameReferences(_references, other._references)
            && Names.Equals(other.Names));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CompilationContext);

    /// <inheritdoc />
    public override int GetHashCode() => _assemblyName?.GetHashCode() ?? 0;

    private EquatableArray<Fingerprint> Names => _index?.Names ?? EquatableArray<Fingerprint>.Empty;

    // References are compared by identity: hosts reuse reference objects across edits, and a new object for the same
    // file costs a re-parse, never a stale model.
    private static bool SameReferences(ImmutableArray<MetadataReference> left, ImmutableArray<MetadataReference> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (!ReferenceEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
