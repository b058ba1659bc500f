using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;

namespace OciRaw.Corpus.Tests;

/// <summary>
/// The ratchet: the CI slice of OCI, written in the contract's syntax, compiles with the generator with no error in
/// generated code, and draws diagnostics exactly on the operations listed in known-unsupported.txt, with the listed IDs.
/// A new diagnostic fails the test; so does a listed operation that became clean, so the list only ever shrinks.
/// </summary>
public sealed class KnownUnsupportedTests
{
    private const string UpdateVariable = "OCIRAW_UPDATE_BASELINES";

    private static readonly string ListPath = Path.Combine(
        typeof(KnownUnsupportedTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!,
        "known-unsupported.txt");

    [Fact]
    public async Task Ci_slice_draws_diagnostics_only_on_known_unsupported_operations()
    {
        CorpusOutput corpus = CorpusSlice.Write(ContractLevel.Full);
        CorpusCheck check = await CorpusCompilation.Create(corpus).CheckAsync();

        Assert.True(check.InGeneratedCode.Count == 0,
            $"{check.InGeneratedCode.Count} diagnostics in generated code (the generator must report instead):\n" +
            string.Join("\n", check.InGeneratedCode.Take(20)));

        string[] actual = [.. check.Lines];
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(ListPath, Header(corpus, actual.Length, check.CleanOperations.Count) + string.Join("\n", actual) + "\n", new UTF8Encoding(false));
            Assert.Fail($"known-unsupported.txt was rewritten ({actual.Length} entries). Review it with git diff, then run the tests without {UpdateVariable}.");
        }

        string[] expected = File.ReadAllLines(ListPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        string[] added = actual.Except(expected, StringComparer.Ordinal).ToArray();
        string[] gone = expected.Except(actual, StringComparer.Ordinal).ToArray();
        Assert.True(added.Length == 0 && gone.Length == 0,
            $"The slice's diagnostics differ from tests/Corpus.Tests/known-unsupported.txt.\n" +
            $"New or changed (fix the generator, or list them if they are truly unsupported):\n  {string.Join("\n  ", added.Take(40))}{More(added)}\n" +
            $"Listed but no longer so (good: take them off the list):\n  {string.Join("\n  ", gone.Take(40))}{More(gone)}\n" +
            $"To rewrite the list from this run: {UpdateVariable}=1 dotnet test tests/Corpus.Tests, then review git diff.");
    }

    /// <summary>
    /// The services whose operations were the last ones of OCI not clean (Identity Domains' 'authorization' header and
    /// per-domain host, Data Flow's binary statement output, Monitoring's 'content-encoding' on a JSON body, osub's global
    /// host) compile with no diagnostic at all, generated code included. Outside the CI slice, so the ratchet does not see them.
    /// </summary>
    [Fact]
    public async Task Services_once_not_clean_compile_with_no_diagnostic()
    {
        var writer = new CorpusWriter(CorpusSlice.Api, ContractLevel.Full);
        CorpusOutput corpus = writer.Write(writer.Select(["identity_domains", "data_flow", "monitoring", "osub_usage"]));
        CorpusCheck check = await CorpusCompilation.Create(corpus).CheckAsync();

        Assert.Empty(check.InGeneratedCode);
        Assert.True(check.Charged.Count == 0, string.Join("\n", check.Charged.Take(20).Select(c => $"{c.Owner}: {c.Diagnostic}")));
        Assert.Equal(corpus.Operations.Count, check.CleanOperations.Count);
        Assert.Contains(corpus.Operations, o => o.Key == "data_flow.DataFlow.GetStatement");
    }

    private static string More(string[] lines) => lines.Length > 40 ? $"\n  ... and {lines.Length - 40} more" : string.Empty;

    private static string Header(CorpusOutput corpus, int entries, int clean) =>
        $"""
        # Operations (and models) of the corpus's CI slice that draw a diagnostic, with the diagnostic IDs: "key ID,ID".
        # Written by KnownUnsupportedTests with {UpdateVariable}=1; the test fails when this list and the compilation differ.
        # {entries} entries; the slice has {corpus.Operations.Count} operations, {clean} of them clean. Target: an empty list.

        """;
}
