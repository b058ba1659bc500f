using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace OciRaw.Generator.Tests.RandomEdits;

/// <summary>
/// The safety net under the declaration snapshots (src/Generator/Incrementality): a stale model there would be a
/// silently wrong build. Random edit sequences are applied to one incrementally updated driver, and after every step
/// its output (every generated file and diagnostic) must equal that of a fresh driver on the same compilation, and of a
/// driver with the snapshots switched off (DisableOciRawIncrementalSnapshots).
/// </summary>
public sealed class RandomEditTests
{
    private const int Steps = 40;

    [Fact]
    public void Incremental_output_equals_a_fresh_run_after_every_edit_with_a_fixed_seed() => Run(seed: 20261206);

    [Fact]
    public void Incremental_output_equals_a_fresh_run_after_every_edit_with_a_random_seed() => Run(Random.Shared.Next());

    [Fact]
    public void The_switch_falls_back_to_parsing_every_interface_on_every_edit()
    {
        RandomProject project = RandomProject.Start();
        var parsedWithSnapshots = new List<string>();
        var parsedWithout = new List<string>();
        GeneratorDriver withSnapshots = Driver(new OciClientGenerator(parsedWithSnapshots.Add), snapshots: true);
        GeneratorDriver without = Driver(new OciClientGenerator(parsedWithout.Add), snapshots: false);
        var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        CSharpCompilation compilation = Update(TestCompilation.Create(), trees, project.Render());
        withSnapshots = withSnapshots.RunGenerators(compilation);
        without = without.RunGenerators(compilation);
        parsedWithSnapshots.Clear();
        parsedWithout.Clear();

        project.Unrelated[0].Value++;
        compilation = Update(compilation, trees, project.Render());
        withSnapshots.RunGenerators(compilation);
        without.RunGenerators(compilation);

        Assert.Empty(parsedWithSnapshots);
        Assert.Equal(project.Apis.Select(api => api.Name).Order(), parsedWithout.Order());
    }

    private static void Run(int seed)
    {
        var random = new Random(seed);
        RandomProject project = RandomProject.Start();
        var history = new List<string> { "start" };
        var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        CSharpCompilation compilation = TestCompilation.Create();
        GeneratorDriver incremental = Driver(new OciClientGenerator(), snapshots: true);
        GeneratorDriver fallback = Driver(new OciClientGenerator(), snapshots: false);
        for (int step = 0; step <= Steps; step++)
        {
            if (step > 0)
            {
                history.Add(RandomEdit.Apply(project, random));
            }

            compilation = Update(compilation, trees, project.Render());
            incremental = incremental.RunGenerators(compilation);
            fallback = fallback.RunGenerators(compilation);
            string expected = Describe(Driver(new OciClientGenerator(), snapshots: true).RunGenerators(compilation));
            Check(seed, history, "incremental", expected, Describe(incremental));
            Check(seed, history, "snapshots off", expected, Describe(fallback));
        }

        Assert.True(history.Count > Steps, "every step applied an edit");
    }

    private static void Check(int seed, List<string> history, string driver, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        int at = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i]);
        Assert.Fail(
            $"Seed {seed}: the {driver} driver differs from a fresh run after these edits:\n  {string.Join("\n  ", history)}\n" +
            $"First difference near:\n--- fresh ---\n{Around(expected, at)}\n--- {driver} ---\n{Around(actual, at)}");
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 300), Math.Min(600, text.Length - Math.Max(0, index - 300)));

    private static CSharpGeneratorDriver Driver(OciClientGenerator generator, bool snapshots) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            optionsProvider: BuildProperties.WithProperty("DisableOciRawIncrementalSnapshots", snapshots ? "false" : "true"));

    /// <summary>Brings the compilation to <paramref name="files"/> the way an editor does: changed trees are replaced with their new text, new ones added, deleted ones removed.</summary>
    private static CSharpCompilation Update(CSharpCompilation compilation, Dictionary<string, SyntaxTree> trees, SortedDictionary<string, string> files)
    {
        foreach (string deleted in trees.Keys.Except(files.Keys).ToList())
        {
            compilation = compilation.RemoveSyntaxTrees(trees[deleted]);
            trees.Remove(deleted);
        }

        foreach ((string name, string text) in files)
        {
            if (!trees.TryGetValue(name, out SyntaxTree? tree))
            {
                SyntaxTree added = CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path: name);
                compilation = compilation.AddSyntaxTrees(added);
                trees[name] = added;
            }
            else if (tree.ToString() != text)
            {
                SyntaxTree changed = tree.WithChangedText(SourceText.From(text));
                compilation = compilation.ReplaceSyntaxTree(tree, changed);
                trees[name] = changed;
            }
        }

        return compilation;
    }

    /// <summary>Everything a run produced: each generated file (by hint name) and each diagnostic, in a stable order.</summary>
    private static string Describe(GeneratorDriver driver)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        var text = new StringBuilder();
        foreach (GeneratedSourceResult source in result.GeneratedSources.OrderBy(source => source.HintName, StringComparer.Ordinal))
        {
            text.Append("// ").AppendLine(source.HintName).AppendLine(source.SourceText.ToString());
        }

        foreach (string diagnostic in result.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal))
        {
            text.AppendLine(diagnostic);
        }

        return text.ToString();
    }
}
