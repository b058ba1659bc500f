using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Tests;

/// <summary>
/// Two DTOs that refer to each other, one with a member OciRaw cannot serialize (issue 9 item 6, seen on Log Analytics):
/// whichever method reaches the pair first, both methods get a diagnostic and the generated code never calls a
/// serializer that was not generated.
/// </summary>
public sealed class MutualReferenceTests
{
    private const string Dtos = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Cycle;

        public sealed class A
        {
            public B? B { get; set; }
            public object? Bad { get; set; }
        }

        public sealed class B
        {
            public A? A { get; set; }
        }

        public sealed class C
        {
            public List<B>? Bs { get; set; }
        }

        """;

    [Theory]
    [InlineData("Task<A> GetA();", "Task<B> GetB();")]
    [InlineData("Task<B> GetB();", "Task<A> GetA();")]
    [InlineData("Task<C> GetC();", "Task<B> GetB();")]
    [InlineData("Task<A> GetA();", "Task<C> GetC();")]
    public async Task Both_methods_are_reported_in_either_order(string first, string second)
    {
        string source = Interface(first, second);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source);

        string[] methods = [Name(first), Name(second)];
        foreach (string method in methods)
        {
            Assert.Contains(diagnostics, d => d.Id == "OCIRAW009" && Message(d).Contains($"'{method}'", StringComparison.Ordinal));
        }

        Diagnostic bad = Assert.Single(diagnostics, d => d.Id == "OCIRAW008" && AnalyzerRun.Text(d) == "Bad");
        Assert.Contains("'Bad' of 'A'", Message(bad), StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Id == "OCIRAW008" && AnalyzerRun.Text(d) == "A" && Message(d).Contains("'A' of 'B'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Task<A> GetA();", "Task<B> GetB();")]
    [InlineData("Task<B> GetB();", "Task<A> GetA();")]
    [InlineData("Task<A> GetA();", "Task<C> GetC();")]
    public void Generated_code_compiles_and_has_no_serializer_for_the_failed_types(string first, string second)
    {
        GeneratorRun run = GeneratorRun.Of(Interface(first, second));

        Diagnostic[] errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
        Assert.DoesNotContain(run.Sources.Keys, hint => hint.Contains("Cycle_A_Json", StringComparison.Ordinal) || hint.Contains("Cycle_B_Json", StringComparison.Ordinal) || hint.Contains("Cycle_C_Json", StringComparison.Ordinal));
        string client = run.Sources.Single(s => s.Key.StartsWith("OciRaw.Client.", StringComparison.Ordinal)).Value;
        Assert.Contains($"NotSupportedException(\"OCIRAW009: '{Name(first)}'", client, StringComparison.Ordinal);
        Assert.Contains($"NotSupportedException(\"OCIRAW009: '{Name(second)}'", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_without_a_bad_member_is_generated_once_per_type()
    {
        GeneratorRun run = GeneratorRun.Of(Dtos.Replace("public object? Bad { get; set; }", "public string? Fine { get; set; }", StringComparison.Ordinal)
            + "public partial interface IApi { [OciEndpoint(\"GET /a\")] Task<A> GetA(); [OciEndpoint(\"GET /c\")] Task<C> GetC(); }");

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(3, run.Serializers.Keys.Count(name => name.StartsWith("Sample_Cycle_", StringComparison.Ordinal)));
    }

    private static string Interface(string first, string second) => Dtos + $$"""
        public partial interface IApi
        {
            [OciEndpoint("GET /first")] {{first}}
            [OciEndpoint("GET /second")] {{second}}
        }
        """;

    private static string Name(string declaration) => declaration.Split(' ')[1].TrimEnd('(', ')', ';').Replace("()", string.Empty, StringComparison.Ordinal);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
