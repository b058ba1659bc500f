using System;
using System.Collections.Generic;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// Which trees an interface can depend on, found from syntax: the trees that declare it or a <c>global using</c>, then,
/// over and over, every tree declaring a type (or alias) whose name an included tree mentions outside member bodies.
/// Coarse on purpose (a name matches every type of that name, in any namespace), so it errs toward including too much.
/// </summary>
/// <remarks>
/// Built once per compilation and shared by every interface: the trees form a graph (an edge from each tree to every
/// tree declaring a name it mentions), whose strongly connected components are found once (Tarjan) and whose reach is
/// computed once per component, as a bit set, in the order Tarjan finishes them (every successor first). An interface's
/// trees are then one union of bit sets, so the cost is linear in the trees and names of the compilation plus, per
/// interface, the trees it reaches; following names per interface instead was quadratic on real OCI, where one models
/// file per service mentions names (<c>WorkRequest</c>, <c>SortOrder</c>) that every other service's models declare.
/// </remarks>
internal sealed class DependencyGraph
{
    private readonly IReadOnlyList<TreeDeclarations> _trees;
    private readonly Dictionary<string, List<int>> _declaring = new(StringComparer.Ordinal);
    private readonly ulong[] _globalUsings;
    private readonly Dictionary<string, EquatableArray<Fingerprint>> _byName = new(StringComparer.Ordinal);
    private int[]? _component;
    private List<ulong[]>? _componentReach;

    public DependencyGraph(IReadOnlyList<TreeDeclarations> trees)
    {
        _trees = trees;
        _globalUsings = new ulong[Words(trees.Count)];
        for (int i = 0; i < trees.Count; i++)
        {
            foreach (string name in trees[i].DeclaredTypes)
            {
                if (!_declaring.TryGetValue(name, out List<int>? indexes))
                {
                    _declaring[name] = indexes = new List<int>();
                }

                indexes.Add(i);
            }

            if (trees[i].HasGlobalUsings)
            {
                // A global using can bring names into every tree (a global using static even members that no type
                // name points to), so whatever depends on anything depends on it.
                _globalUsings[i >> 6] |= 1UL << (i & 63);
            }
        }
    }

    /// <summary>The <see cref="TreeDeclarations.Declarations"/> of every tree the type named <paramref name="typeName"/> can depend on, in tree order.</summary>
    public EquatableArray<Fingerprint> DeclarationsReachableFrom(string typeName)
    {
        if (_byName.TryGetValue(typeName, out EquatableArray<Fingerprint> known))
        {
            return known;
        }

        EnsureReach();
        var included = new ulong[_globalUsings.Length];
        Array.Copy(_globalUsings, included, included.Length);
        for (int i = 0; i < _trees.Count; i++)
        {
            if ((_globalUsings[i >> 6] & (1UL << (i & 63))) != 0)
            {
                Or(included, _componentReach![_component![i]]);
            }
        }

        if (_declaring.TryGetValue(typeName, out List<int>? declaring))
        {
            foreach (int index in declaring)
            {
                Or(included, _componentReach![_component![index]]);
            }
        }

        var declarations = new List<Fingerprint>();
        for (int i = 0; i < _trees.Count; i++)
        {
            if ((included[i >> 6] & (1UL << (i & 63))) != 0)
            {
                declarations.Add(_trees[i].Declarations);
            }
        }

        return _byName[typeName] = declarations.ToEquatableArray();
    }

    /// <summary>Finds the components and their reach on first use (a compilation without interfaces needs neither).</summary>
    private void EnsureReach()
    {
        if (_component is not null)
        {
            return;
        }

        List<int>[] edges = Edges();
        int count = _trees.Count;
        var component = new int[count];
        var index = new int[count];
        var lowLink = new int[count];
        var onStack = new bool[count];
        var stack = new Stack<int>();
        var reach = new List<ulong[]>();
        int next = 1; // 0 means "not visited yet"

        // Iterative Tarjan: a recursive one could overflow the stack on a long chain of files.
        var work = new Stack<(int Tree, int Edge)>();
        for (int root = 0; root < count; root++)
        {
            if (index[root] != 0)
            {
                continue;
            }

            work.Push((root, 0));
            index[root] = lowLink[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (work.Count > 0)
            {
                (int tree, int edge) = work.Pop();
                if (edge < edges[tree].Count)
                {
                    work.Push((tree, edge + 1));
                    int target = edges[tree][edge];
                    if (index[target] == 0)
                    {
                        index[target] = lowLink[target] = next++;
                        stack.Push(target);
                        onStack[target] = true;
                        work.Push((target, 0));
                    }
                    else if (onStack[target])
                    {
                        lowLink[tree] = Math.Min(lowLink[tree], index[target]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    int parent = work.Peek().Tree;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[tree]);
                }

                if (lowLink[tree] == index[tree])
                {
                    // A finished component: every component it has edges to finished before it, so their reach is known.
                    var members = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component[member] = reach.Count;
                        members.Add(member);
                    }
                    while (member != tree);

                    var bits = new ulong[Words(count)];
                    foreach (int m in members)
                    {
                        bits[m >> 6] |= 1UL << (m & 63);
                    }

                    int self = reach.Count;
                    reach.Add(bits);
                    foreach (int m in members)
                    {
                        foreach (int target in edges[m])
                        {
                            if (component[target] != self)
                            {
                                Or(bits, reach[component[target]]);
                            }
                        }
                    }
                }
            }
        }

        _component = component;
        _componentReach = reach;
    }

    /// <summary>For each tree, the distinct trees declaring a name it mentions.</summary>
    private List<int>[] Edges()
    {
        var edges = new List<int>[_trees.Count];
        var seen = new bool[_trees.Count];
        for (int i = 0; i < _trees.Count; i++)
        {
            var targets = new List<int>();
            foreach (string name in _trees[i].ReferencedNames)
            {
                if (_declaring.TryGetValue(name, out List<int>? declaring))
                {
                    foreach (int target in declaring)
                    {
                        if (!seen[target])
                        {
                            seen[target] = true;
                            targets.Add(target);
                        }
                    }
                }
            }

            foreach (int target in targets)
            {
                seen[target] = false;
            }

            edges[i] = targets;
        }

        return edges;
    }

    private static int Words(int bits) => (bits + 63) / 64;

    private static void Or(ulong[] into, ulong[] from)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] |= from[i];
        }
    }
}
