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
/// Equal snapshots mean the parser would build an equal model, so the pipeline keeps the model it has.
/// </summary>
/// <remarks>
/// Why: a transform that needs symbols re-runs on every compilation change, and parsing every interface and DTO again
/// is most of what a cold run costs. Taking the snapshots costs reading the edited trees' syntax and a few comparisons.
/// After an edit inside any member body, or to a member of a type no interface reaches, every snapshot is equal and
/// nothing is parsed; after an edit to a DTO, only the interfaces that reach it are.
/// </remarks>
internal sealed class InterfaceSnapshot : IEquatable<InterfaceSnapshot>
{
    private readonly EquatableArray<Fingerprint> _dependencies;
    private readonly bool _comparesDeclarations;

    private InterfaceSnapshot(string metadataName, EquatableArray<Fingerprint> dependencies, CompilationContext context, bool comparesDeclarations)
    {
        MetadataName = metadataName;
        _dependencies = dependencies;
        Context = context;
        _comparesDeclarations = comparesDeclarations;
    }

    /// <summary>The name the interface is found by: <c>Ns.IUsers</c>.</summary>
    public string MetadataName { get; }

    /// <summary>The compilation-wide part, shared by the snapshots taken together.</summary>
    public CompilationContext Context { get; }

    /// <summary>
    /// The snapshots of the interfaces named <paramref name="metadataNames"/> (each once, in the order given) in
    /// <paramref name="compilation"/>; reads only trees not seen before.
    /// </summary>
    public static ImmutableArray<InterfaceSnapshot> TakeAll(ImmutableArray<string> metadataNames, Compilation compilation, CancellationToken cancellationToken)
    {
        var trees = new List<TreeDeclarations>();
        var names = new List<Fingerprint>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            TreeDeclarations declarations = TreeDeclarations.Of(tree, cancellationToken);
            trees.Add(declarations);
            names.Add(declarations.Names);
        }

        var context = new CompilationContext(compilation, names.ToEquatableArray());
        var graph = new DependencyGraph(trees);
        return OnePerName(metadataNames, name => new InterfaceSnapshot(name, graph.DeclarationsReachableFrom(SimpleName(name)), context, comparesDeclarations: true));
    }

    /// <summary>
    /// The fallback of <c>DisableOciRawIncrementalSnapshots</c>: snapshots that read no declarations and equal only
    /// themselves, so every interface is parsed again on every edit.
    /// </summary>
    public static ImmutableArray<InterfaceSnapshot> TakeAllUncached(ImmutableArray<string> metadataNames, Compilation compilation)
    {
        var context = new CompilationContext(compilation, EquatableArray<Fingerprint>.Empty);
        return OnePerName(metadataNames, name => new InterfaceSnapshot(name, EquatableArray<Fingerprint>.Empty, context, comparesDeclarations: false));
    }

    /// <inheritdoc />
    public bool Equals(InterfaceSnapshot? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && _comparesDeclarations
            && other._comparesDeclarations
            && MetadataName == other.MetadataName
            && _dependencies.Equals(other._dependencies)
            && Context.Equals(other.Context));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InterfaceSnapshot);

    /// <inheritdoc />
    public override int GetHashCode() => MetadataName.GetHashCode();

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
