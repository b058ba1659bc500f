using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Checked-in snapshots of generated source: Baselines/&lt;Test&gt;/&lt;hint&gt;.txt. With OCIRAW_UPDATE_BASELINES=1 the
/// files are rewritten (stale ones deleted) and the test fails anyway, so no run can accept a change by itself.
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "OCIRAW_UPDATE_BASELINES";

    /// <summary>The folder every baseline lives under, one sub-folder per test.</summary>
    public static readonly string Root = Path.Combine(
        typeof(Baseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!,
        "Baselines");

    public static void Verify(GeneratorRun run, [CallerMemberName] string testName = "")
    {
        string folder = Path.Combine(Root, testName);
        SortedDictionary<string, string> actual = run.Sources;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach ((string hint, string text) in actual)
            {
                File.WriteAllText(Path.Combine(folder, hint + ".txt"), text, new UTF8Encoding(false));
            }

            Assert.Fail($"Baselines of {testName} were rewritten. Review them with git diff, then run the tests without {UpdateVariable}.");
        }

        string[] expectedHints = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.True(expectedHints.SequenceEqual(actual.Keys),
            $"Generated files of {testName} differ from the baseline.\nExpected: {string.Join(", ", expectedHints)}\nActual:   {string.Join(", ", actual.Keys)}\n" +
            $"If the change is intended, run with {UpdateVariable}=1 and review the diff.");
        foreach ((string hint, string text) in actual)
        {
            string expected = File.ReadAllText(Path.Combine(folder, hint + ".txt")).Replace("\r\n", "\n");
            if (expected != text)
            {
                Assert.Fail($"{hint} differs from its baseline (Baselines/{testName}/{hint}.txt):\n{FirstDifference(expected, text)}\n" +
                    $"If the change is intended, run with {UpdateVariable}=1 and review the diff.");
            }
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string? left = i < e.Length ? e[i] : null;
            string? right = i < a.Length ? a[i] : null;
            if (left != right)
            {
                return $"line {i + 1}:\n- {left ?? "(end of file)"}\n+ {right ?? "(end of file)"}";
            }
        }

        return "(no difference)";
    }
}
