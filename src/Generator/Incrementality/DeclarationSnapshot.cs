using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// The interfaces to generate and everything their models can depend on, compared without binding anything. Equal
/// snapshots mean the parser would build equal models, so the pipeline keeps the ones it has.
/// </summary>
/// <remarks>
/// <para>
/// Why: a transform that needs symbols re-runs on every compilation change, and parsing every interface and DTO again
/// is most of what a cold run costs. A snapshot costs reading the edited trees' syntax and a few comparisons; when it
/// is equal, the parse step is cached and nothing downstream runs.
/// </para>
/// <para>
/// What it holds: the interfaces' metadata names; the <see cref="TreeDeclarations.Names"/> of every tree, because a
/// type or using added anywhere can change what a name binds to; the full <see cref="TreeDeclarations.Declarations"/>
/// of the trees the interfaces can depend on, found from syntax: the trees that declare an interface or a
/// <c>global using</c>, then, over and over, every tree declaring a type (or alias) whose name a tree already included
/// mentions outside member bodies; and the compilation options, references and assembly name. An edit to a member of a
/// type no included tree names, or inside any member body, leaves the snapshot equal.
/// </para>
/// <para>
/// The compilation is held weakly and is not part of equality. The parse step reads it only when the snapshot is new,
/// that is within the generator run that took it, while the driver holds the compilation; a snapshot the pipeline
/// keeps because it compared equal must not keep an old compilation alive.
/// </para>
/// </remarks>
internal sealed class DeclarationSnapshot : IEquatable<DeclarationSnapshot>
{
    private readonly WeakReference<Compilation> _compilation;
    private readonly EquatableArray<Fingerprint> _names;
    private readonly EquatableArray<Fingerprint> _dependencies;
    private readonly CompilationOptions _options;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly string? _assemblyName;

    private DeclarationSnapshot(
        Compilation compilation, EquatableArray<string> interfaces, EquatableArray<Fingerprint> names, EquatableArray<Fingerprint> dependencies)
    {
        _compilation = new WeakReference<Compilation>(compilation);
        Interfaces = interfaces;
        _names = names;
        _dependencies = dependencies;
        _options = compilation.Options;
        _references = ImmutableArray.CreateRange(compilation.References);
        _assemblyName = compilation.AssemblyName;
    }

    /// <summary>Metadata names of the interfaces to generate, each once, in the order they were found.</summary>
    public EquatableArray<string> Interfaces { get; }

    /// <summary>The compilation this snapshot was taken of; only valid in the generator run that took it.</summary>
    public Compilation Compilation =>
        _compilation.TryGetTarget(out Compilation? compilation)
            ? compilation
            : throw new InvalidOperationException("A declaration snapshot was read after its generator run; the pipeline must only parse new snapshots.");

    /// <summary>Takes the snapshot of <paramref name="compilation"/>; reads only trees not seen before.</summary>
    public static DeclarationSnapshot Take(ImmutableArray<string> interfaceNames, Compilation compilation, CancellationToken cancellationToken)
    {
        var trees = new List<TreeDeclarations>();
        var names = new List<Fingerprint>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            TreeDeclarations declarations = TreeDeclarations.Of(tree, cancellationToken);
            trees.Add(declarations);
            names.Add(declarations.Names);
        }

        string[] interfaces = Distinct(interfaceNames);
        return new DeclarationSnapshot(
            compilation, new EquatableArray<string>(interfaces), names.ToEquatableArray(), Dependencies(trees, interfaces).ToEquatableArray());
    }

    /// <inheritdoc />
    public bool Equals(DeclarationSnapshot? other) =>
        other is not null
        && Interfaces.Equals(other.Interfaces)
        && _dependencies.Equals(other._dependencies)
        && _names.Equals(other._names)
        && _assemblyName == other._assemblyName
        && _options.Equals(other._options)
        && SameReferences(_references, other._references);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DeclarationSnapshot);

    /// <inheritdoc />
    public override int GetHashCode() => _dependencies.GetHashCode();

    /// <summary>The declarations of the trees the interfaces can depend on, in tree order.</summary>
    private static List<Fingerprint> Dependencies(List<TreeDeclarations> trees, string[] interfaces)
    {
        var declaring = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < trees.Count; i++)
        {
            foreach (string name in trees[i].DeclaredTypes)
            {
                if (!declaring.TryGetValue(name, out List<int>? indexes))
                {
                    declaring[name] = indexes = new List<int>();
                }

                indexes.Add(i);
            }
        }

        var included = new bool[trees.Count];
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        void Include(int index)
        {
            if (!included[index])
            {
                included[index] = true;
                foreach (string referenced in trees[index].ReferencedNames)
                {
                    pending.Push(referenced);
                }
            }
        }

        foreach (string metadataName in interfaces)
        {
            pending.Push(SimpleName(metadataName));
        }

        for (int i = 0; i < trees.Count; i++)
        {
            if (trees[i].HasGlobalUsings)
            {
                Include(i);
            }
        }

        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (visited.Add(name) && declaring.TryGetValue(name, out List<int>? indexes))
            {
                foreach (int index in indexes)
                {
                    Include(index);
                }
            }
        }

        var dependencies = new List<Fingerprint>();
        for (int i = 0; i < trees.Count; i++)
        {
            if (included[i])
            {
                dependencies.Add(trees[i].Declarations);
            }
        }

        return dependencies;
    }

    /// <summary><c>IUsers</c> from <c>Ns.Outer+IUsers`1</c>.</summary>
    private static string SimpleName(string metadataName)
    {
        int start = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+')) + 1;
        int arity = metadataName.IndexOf('`', start);
        return arity < 0 ? metadataName.Substring(start) : metadataName.Substring(start, arity - start);
    }

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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<string>(names.Length);
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
