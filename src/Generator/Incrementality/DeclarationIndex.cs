using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// The declarations of one compilation's trees (<see cref="TreeDeclarations"/>) and the graph of which trees reach
/// which (<see cref="DependencyGraph"/>), shared by the snapshots taken of that compilation and read on first use.
/// </summary>
/// <remarks>
/// Snapshots are only ever read to be compared with the next run's, and a build that runs the generator once (the
/// command line, through the compiler server) never compares them: reading every token of every tree for it was a tenth
/// of such a build's generator time on the whole of OCI. A host that keeps the generator (an IDE) reads them in its
/// second run, when it compares that run's snapshots with these; the trees are held until then and let go once read.
/// The read is not cancellable: the driver compares values without a cancellation token.
/// </remarks>
internal sealed class DeclarationIndex
{
    private readonly object _gate = new();
    private SyntaxTree[]? _trees;
    private DependencyGraph? _graph;
    private EquatableArray<Fingerprint> _names;

    public DeclarationIndex(IEnumerable<SyntaxTree> trees)
    {
        _trees = trees.ToArray();
    }

    /// <summary>The <see cref="TreeDeclarations.Names"/> of every tree, in the compilation's order.</summary>
    public EquatableArray<Fingerprint> Names
    {
        get
        {
            lock (_gate)
            {
                Read();
                return _names;
            }
        }
    }

    /// <summary>The declarations of every tree the type named <paramref name="typeName"/> can depend on.</summary>
    public EquatableArray<Fingerprint> DeclarationsReachableFrom(string typeName)
    {
        lock (_gate)
        {
            return Read().DeclarationsReachableFrom(typeName);
        }
    }

    private DependencyGraph Read()
    {
        if (_graph is { } graph)
        {
            return graph;
        }

        var trees = new List<TreeDeclarations>(_trees!.Length);
        var names = new List<Fingerprint>(_trees.Length);
        foreach (SyntaxTree tree in _trees)
        {
            TreeDeclarations declarations = TreeDeclarations.Of(tree, CancellationToken.None);
            trees.Add(declarations);
            names.Add(declarations.Names);
        }

        _names = names.ToEquatableArray();
        _trees = null;
        return _graph = new DependencyGraph(trees);
    }
}
