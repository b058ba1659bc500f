using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OciRaw.Generator.Incrementality;

namespace OciRaw.Generator.Tests;

/// <summary>
/// The dependency graph computes reach once per compilation (strongly connected components, reach as bit sets); on
/// random files with chains, cycles, shared names and global usings it must give exactly the trees that following names
/// one by one gives.
/// </summary>
public sealed class DependencyGraphTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Reach_equals_following_names_one_by_one(int seed)
    {
        var random = new Random(seed);
        int files = random.Next(5, 60);
        int names = random.Next(3, 40);
        var trees = new List<TreeDeclarations>();
        for (int file = 0; file < files; file++)
        {
            var text = new System.Text.StringBuilder();
            if (random.Next(25) == 0)
            {
                text.Append("global using System;\n");
            }

            text.Append("namespace N").Append(file).Append(";\n");
            for (int declared = random.Next(0, 3); declared > 0; declared--)
            {
                text.Append("public class T").Append(random.Next(names)).Append(" { ");
                for (int member = random.Next(0, 3); member > 0; member--)
                {
                    text.Append("public T").Append(random.Next(names)).Append("? M").Append(member).Append(" { get; set; } ");
                }

                text.Append("}\n");
            }

            SyntaxTree tree = CSharpSyntaxTree.ParseText(text.ToString(), TestCompilation.ParseOptions, path: $"F{file}.cs");
            trees.Add(TreeDeclarations.Of(tree, CancellationToken.None));
        }

        var graph = new DependencyGraph(trees);
        for (int name = 0; name < names; name++)
        {
            Assert.Equal(Naive(trees, "T" + name), graph.DeclarationsReachableFrom("T" + name).ToArray());
        }
    }

    private static Fingerprint[] Naive(List<TreeDeclarations> trees, string start)
    {
        var included = new bool[trees.Count];
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(start);
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
            if (!visited.Add(name))
            {
                continue;
            }

            for (int i = 0; i < trees.Count; i++)
            {
                if (trees[i].DeclaredTypes.Contains(name))
                {
                    Include(i);
                }
            }
        }

        return trees.Where((_, i) => included[i]).Select(t => t.Declarations).ToArray();

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
    }
}
