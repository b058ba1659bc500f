using System;
using System.Collections.Generic;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// Which trees an interface can depend on, found from syntax: the trees that declare it or a <c>global using</c>, then,
/// over and over, every tree declaring a type (or alias) whose name an included tree mentions outside member bodies.
/// Coarse on purpose (a name matches every type of that name, in any namespace), so it errs toward including too much.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly IReadOnlyList<TreeDeclarations> _trees;
    private readonly Dictionary<string, List<int>> _declaring = new(StringComparer.Ordinal);
    private readonly List<int> _globalUsings = new();

    public DependencyGraph(IReadOnlyList<TreeDeclarations> trees)
    {
        _trees = trees;
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
                _globalUsings.Add(i);
            }
        }
    }

    /// <summary>The <see cref="TreeDeclarations.Declarations"/> of every tree the type named <paramref name="typeName"/> can depend on, in tree order.</summary>
    public EquatableArray<Fingerprint> DeclarationsReachableFrom(string typeName)
    {
        var included = new bool[_trees.Count];
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        void Include(int index)
        {
            if (!included[index])
            {
                included[index] = true;
                foreach (string referenced in _trees[index].ReferencedNames)
                {
                    pending.Push(referenced);
                }
            }
        }

        pending.Push(typeName);
        foreach (int index in _globalUsings)
        {
            Include(index);
        }

        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (visited.Add(name) && _declaring.TryGetValue(name, out List<int>? indexes))
            {
                foreach (int index in indexes)
                {
                    Include(index);
                }
            }
        }

        var declarations = new List<Fingerprint>();
        for (int i = 0; i < _trees.Count; i++)
        {
            if (included[i])
            {
                declarations.Add(_trees[i].Declarations);
            }
        }

        return declarations.ToEquatableArray();
    }
}
