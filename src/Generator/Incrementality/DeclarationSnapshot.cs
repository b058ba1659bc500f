using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// The interfaces to generate and everything their models can depend on, compared without binding anything: the
/// interfaces' metadata names, a <see cref="DeclarationFingerprint"/> per syntax tree, the compilation options and the
/// references. Equal snapshots mean the parser would build equal models, so the pipeline keeps the ones it has.
/// </summary>
/// <remarks>
/// <para>
/// Why this exists: a transform that needs symbols re-runs on every compilation change, keystrokes inside method bodies
/// included, and parsing every interface and DTO again is most of what a cold run costs. A snapshot costs one hash of
/// each edited tree and a few comparisons; when it is equal, the parse step is cached and nothing downstream runs.
/// </para>
/// <para>
/// The compilation is held weakly and is not part of equality. The parse step reads it only when the snapshot is
/// new, that is within the generator run that made it, while the driver holds the compilation; a snapshot the
/// pipeline keeps because it compared equal must not keep an old compilation alive.
/// </para>
/// </remarks>
internal sealed class DeclarationSnapshot : IEquatable<DeclarationSnapshot>
{
    private readonly WeakReference<Compilation> _compilation;
    private readonly EquatableArray<DeclarationFingerprint> _trees;
    private readonly CompilationOptions _options;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly string? _assemblyName;

    private DeclarationSnapshot(
        Compilation compilation, EquatableArray<string> interfaces, EquatableArray<DeclarationFingerprint> trees)
    {
        _compilation = new WeakReference<Compilation>(compilation);
        Interfaces = interfaces;
        _trees = trees;
        _options = compilation.Options;
        _references = ImmutableArray.CreateRange(compilation.References);
        _assemblyName = compilation.AssemblyName;
    }

    /// <summary>Metadata names of the interfaces to generate, each once, in the order they were found.</summary>
    public EquatableArray<string> Interfaces { get; }

    /// <summary>Takes the snapshot of <paramref name="compilation"/>; hashes only trees not seen before.</summary>
    public static DeclarationSnapshot Take(ImmutableArray<string> interfaceNames, Compilation compilation, CancellationToken cancellationToken)
    {
        var trees = new System.Collections.Generic.List<DeclarationFingerprint>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            trees.Add(DeclarationFingerprint.Of(tree, cancellationToken));
        }

        return new DeclarationSnapshot(compilation, new EquatableArray<string>(Distinct(interfaceNames)), trees.ToEquatableArray());
    }

    /// <summary>The compilation this snapshot was taken of; only valid in the generator run that took it.</summary>
    public Compilation Compilation =>
        _compilation.TryGetTarget(out Compilation? compilation)
            ? compilation
            : throw new InvalidOperationException("A declaration snapshot was read after its generator run; the pipeline must only parse new snapshots.");

    /// <inheritdoc />
    public bool Equals(DeclarationSnapshot? other) =>
        other is not null
        && Interfaces.Equals(other.Interfaces)
        && _trees.Equals(other._trees)
        && _assemblyName == other._assemblyName
        && _options.Equals(other._options)
        && SameReferences(_references, other._references);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DeclarationSnapshot);

    /// <inheritdoc />
    public override int GetHashCode() => _trees.GetHashCode();

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

    private static string[] Distinct(ImmutableArray<string> names)
    {
        var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        var distinct = new System.Collections.Generic.List<string>(names.Length);
        foreach (string name in names)
        {
            if (seen.Add(name))
            {
                distinct.Add(name);
            }
        }

        return distinct.ToArray();
    }
}
