using System.Text.Json;
using OciRaw.Cli.JmesPath;
using OciRaw.Cli.Json;

namespace OciRaw.Cli.Tests;

/// <summary>
/// The JMESPath compliance suite (github.com/jmespath/jmespath.test, tests/*.json at commit 53abcc3, copied to
/// jmespath/): every case's expression against its document, expecting its result or its error kind.
/// </summary>
public sealed class JmesPathComplianceTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "jmespath");

    public static TheoryData<string, int, int> Cases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (string file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            using JsonDocument suite = JsonDocument.Parse(File.ReadAllText(file));
            int group = 0;
            foreach (JsonElement entry in suite.RootElement.EnumerateArray())
            {
                int cases = entry.GetProperty("cases").GetArrayLength();
                for (int i = 0; i < cases; i++)
                {
                    data.Add(Path.GetFileName(file), group, i);
                }

                group++;
            }
        }

        return data;
    }

    [Fact]
    public void The_suite_is_present()
    {
        Assert.True(Cases().Count > 800, $"expected the jmespath.test cases in {Folder}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_passes(string file, int group, int index)
    {
        using JsonDocument suite = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        JsonElement entry = suite.RootElement[group];
        JsonElement testCase = entry.GetProperty("cases")[index];
        string expression = testCase.GetProperty("expression").GetString()!;
        JsonItem given = JsonItemReader.TryParse(entry.GetProperty("given").GetRawText())!;

        if (testCase.TryGetProperty("error", out JsonElement error))
        {
            var thrown = Assert.Throws<JmesPathException>(() => JmesPathExpression.Compile(expression).Search(given));
            Assert.Equal(error.GetString(), thrown.Kind);
            return;
        }

        JsonItem actual = JmesPathExpression.Compile(expression).Search(given);
        if (testCase.TryGetProperty("result", out JsonElement result))
        {
            JsonItem expected = JsonItemReader.TryParse(result.GetRawText())!;
            Assert.True(expected.DeepEquals(actual), $"{expression}: expected {expected}, got {actual}");
        }
        else
        {
            // A benchmark case ("bench"): it has no expected value, only an expression that must evaluate.
            Assert.True(testCase.TryGetProperty("bench", out _), $"{file} group {group} case {index} has neither result, error nor bench");
        }
    }
}
