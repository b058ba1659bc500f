using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// One interface to generate and everything its model can depend on, compared without binding anything: the
/// declarations of the trees it can reach (<see cref="DependencyGraph"/>) and the <see cref="CompilationContext"/>.
/// Equal snapshots mean the parser would build an equal model, so the pipeline keeps the model it has. The declarations
/// are read when a snapshot is first compared (<see cref="DeclarationIndex"/> says why).
/// </summary>
/// <remarks>
/// Why: a transform that needs symbols re-runs on every compilation change, and parsing every interface and DTO again
/// is most of what a cold run costs. Comparing snapshots costs reading the edited trees' syntax and a few comparisons;
/// taking them costs nothing until they are compared.
/// After an edit inside any member body, or to a member of a type no interface reaches, every snapshot is equal and
/// nothing is parsed; after an edit to a DTO, only the interfaces that reach it are.
/// </remarks>
internal sealed class InterfaceSnapshot : IEquatable<InterfaceSnapshot>
{
    private readonly DeclarationIndex? _index;
    private EquatableArray<Fingerprint>? _dependencies;

    /// <param name="index">The declarations to compare; null for a snapshot that equals only itself.</param>
    private InterfaceSnapshot(string metadataName, DeclarationIndex? index, CompilationContext context)
    {
        MetadataName = metadataName;
        _index = index;
        Context = context;
    }

    /// <summary>The name the interface is found by: <c>Ns.IUsers</c>.</summary>
    public string MetadataName { get; }

    /// <summary>The compilation-wide part, shared by the snapshots taken together.</summary>
    public CompilationContext Context { get; }

    /// <summary>
    /// The snapshots of the interfaces named <paramref name="metadataNames"/> (each once, in the order given) in
    /// <paramref name="compilation"/>; when they are compared, only trees not seen before are read.
    /// </summary>
    public static ImmutableArray<InterfaceSnapshot> TakeAll(ImmutableArray<string> metadataNames, Compilation compilation)
    {
        var index = new DeclarationIndex(compilation.SyntaxTrees);
        var context = new CompilationContext(compilation, index);
        return OnePerName(metadataNames, name => new InterfaceSnapshot(name, index, context));
    }

    /// <summary>
    /// The fallback of <c>DisableOciRawIncrementalSnapshots</c>: snapshots that read no declarations and equal only
    /// themselves, so every interface is parsed again on every edit.
    /// </summary>
    public static ImmutableArray<InterfaceSnapshot> TakeAllUncached(ImmutableArray<string> metadataNames, Compilation compilation)
    {
        var context = new CompilationContext(compilation, index: null);
        return OnePerName(metadataNames, name => new InterfaceSnapshot(name, index: null, context));
    }

    /// <inheritdoc />
    public bool Equals(InterfaceSnapshot? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && _index is not null
            && other._index is not null
            && MetadataName == other.MetadataName
            && Context.Equals(other.Context)
            && Dependencies.Equals(other.Dependencies));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InterfaceSnapshot);

    /// <inheritdoc />
    public override int GetHashCode() => MetadataName.GetHashCode();

    /// <summary>The declarations of the trees the interface can reach, read on first use.</summary>
    private EquatableArray<Fingerprint> Dependencies => _dependencies ??= _index!.DeclarationsReachableFrom(SimpleName(MetadataName));

    /// <summary>One snapshot per distinct name, in the order given (an interface with several endpoints is named once per match).</summary>
    private static ImmutableArray<InterfaceSnapshot> OnePerName(ImmutableArray<string> metadataNames, Func<string, InterfaceSnapshot> take)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ImmutableArray<InterfaceSnapshot>.Builder snapshots = ImmutableArray.CreateBuilder<InterfaceSnapshot>(metadataNames.Length);
        foreach (string name in metadataNames)
        {
            if (seen.Add(name))
            {
                snapshots.Add(take(name));
            }
        }

        return snapshots.ToImmutable();
    }

    /// <summary><c>IUsers</c> from <c>Ns.Outer+IUsers`1</c>.</summary>
    private static string SimpleName(string metadataName)
    {
        int start = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+')) + 1;
        int arity = metadataName.IndexOf('`', start);
        return arity < 0 ? metadataName.Substring(start) : metadataName.Substring(start, arity - start);
    }
}
