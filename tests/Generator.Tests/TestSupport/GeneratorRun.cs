using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Runs the generator the way the compiler does and checks, for every test, what every test must hold: a second run
/// after an unrelated edit leaves each tracked step Cached or Unchanged, a third after a keystroke in a method body
/// leaves each one Cached, and no step output holds a Roslyn symbol, syntax node, location or compilation.
/// </summary>
internal sealed class GeneratorRun
{
    private static readonly Type[] ForbiddenInModels =
        [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SemanticModel), typeof(SyntaxTree), typeof(Location)];

    private GeneratorRun(Compilation output, GeneratorRunResult result)
    {
        Output = output;
        Result = result;
    }

    public Compilation Output { get; }

    public GeneratorRunResult Result { get; }

    /// <summary>Generated files by hint name, text with LF line endings.</summary>
    public SortedDictionary<string, string> Sources =>
        new(Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString().Replace("\r\n", "\n")), StringComparer.Ordinal);

    /// <summary>The serializer classes generated, by name, with the file each is in (several share a file: a namespace and initial).</summary>
    public SortedDictionary<string, string> Serializers
    {
        get
        {
            var serializers = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach ((string hint, string text) in Sources.Where(source => source.Key.StartsWith("OciRaw.Json.", StringComparison.Ordinal)))
            {
                foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text, @"internal static class (\w+_Json)\b"))
                {
                    serializers.Add(match.Groups[1].Value, hint);
                }
            }

            return serializers;
        }
    }

    public static GeneratorRun Of(params string[] sources) => Of(new OciClientGenerator(), sources);

    public static GeneratorRun Of(OciClientGenerator generator, params string[] sources)
    {
        CSharpCompilation compilation = TestCompilation.Create(sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        AssertNoRoslynObjectsInModels(first);

        // The unrelated edit: a new file the generator has no reason to look at. A new type could change what names
        // bind to, so every interface is parsed again, and the models must come out equal.
        SyntaxTree unrelated = CSharpSyntaxTree.ParseText(
            "namespace Unrelated { internal static class Edit { public static int Value() { return 1; } } }", TestCompilation.ParseOptions);
        CSharpCompilation edited = compilation.AddSyntaxTrees(unrelated);
        driver = driver.RunGenerators(edited);
        AssertEveryTrackedStepCached(driver.GetRunResult().Results.Single(), parsedAgain: true);

        // A keystroke inside a method body of that file: nothing is parsed again at all.
        CSharpCompilation typed = edited.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From(unrelated.ToString().Replace("return 1;", "return 2;", StringComparison.Ordinal))));
        AssertEveryTrackedStepCached(driver.RunGenerators(typed).GetRunResult().Results.Single(), parsedAgain: false);
        return new GeneratorRun(output, first);
    }

    /// <param name="parsedAgain">Whether the edit may re-run the parse (outputs Unchanged); otherwise every tracked output must be Cached.</param>
    private static void AssertEveryTrackedStepCached(GeneratorRunResult run, bool parsedAgain)
    {
        string[] trackingNames = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).ToArray();
        foreach (string name in trackingNames)
        {
            if (!run.TrackedSteps.TryGetValue(name, out ImmutableArray<IncrementalGeneratorRunStep> steps))
            {
                continue;
            }

            foreach (IncrementalGeneratorRunStep step in steps)
            {
                foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                {
                    // Snapshots are taken again on every compilation change by design (TrackingNames.Snapshot): equal after
                // a keystroke in a body, new after a new type (which may change what names bind to: a parse follows).
                bool retaken = name == TrackingNames.Snapshot
                    && (reason == IncrementalStepRunReason.Unchanged || (parsedAgain && reason == IncrementalStepRunReason.Modified));
                Assert.True(reason == IncrementalStepRunReason.Cached || retaken || (parsedAgain && reason == IncrementalStepRunReason.Unchanged),
                        $"Step '{name}' re-ran with reason {reason} after an unrelated edit{(parsedAgain ? string.Empty : " inside a method body")}.");
                }
            }
        }

        foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> steps) in run.TrackedOutputSteps)
        {
            foreach (IncrementalGeneratorRunStep step in steps)
            {
                foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                {
                    Assert.True(reason == IncrementalStepRunReason.Cached, $"Output step '{name}' was {reason} after an unrelated edit.");
                }
            }
        }
    }

    private static void AssertNoRoslynObjectsInModels(GeneratorRunResult run)
    {
        foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> steps) in run.TrackedSteps)
        {
            if (!typeof(TrackingNames).GetFields().Any(f => (string)f.GetRawConstantValue()! == name) || name == TrackingNames.Snapshot)
            {
                // Roslyn's own steps (the syntax provider) legitimately hold syntax; a snapshot holds its compilation
                // weakly and only for its own run (InterfaceSnapshotTests proves it does not keep it alive).
                continue;
            }

            foreach (IncrementalGeneratorRunStep step in steps)
            {
                foreach ((object value, IncrementalStepRunReason _) in step.Outputs)
                {
                    Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(ForbiddenInModels.Any(f => f.IsAssignableFrom(type)), $"Model at {path} holds a {type.Name}, which roots compilations and breaks caching.");
        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                Walk(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", visited);
        }
    }
}
