using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace OciRaw.Corpus.Tests;

/// <summary>
/// Why operations are not clean: one tab-separated row per operation and diagnostic that counts against it (its own,
/// its interface's, or one on a model it reaches), with the owner the diagnostic stands in, so that causes can be grouped
/// by ID and message (<c>--report PATH</c> of the corpus benchmark); then any diagnostic no operation answers for.
/// </summary>
internal static class NotCleanReport
{
    public const string Header = "service\tclient\toperation\tdiagnostic\towner\tmessage";

    public static IEnumerable<string> Rows(CorpusCheck check)
    {
        ILookup<string, Diagnostic> byOwner = check.Charged.ToLookup(c => c.Owner, c => c.Diagnostic, StringComparer.Ordinal);
        foreach (CorpusOperation operation in check.Corpus.Operations)
        {
            string[] key = operation.Key.Split('.');
            foreach (string owner in CorpusCheck.OwnersOf(operation))
            {
                foreach (Diagnostic diagnostic in byOwner[owner])
                {
                    yield return Row(key[0], key[1], key[^1], owner, diagnostic);
                }
            }
        }

        // Diagnostics no operation answers for (a file's, or one without a location) still fail a build: listed too.
        HashSet<string> answered = check.Corpus.Operations.SelectMany(CorpusCheck.OwnersOf).ToHashSet(StringComparer.Ordinal);
        foreach ((string owner, Diagnostic diagnostic) in check.Charged.Where(c => !answered.Contains(c.Owner)))
        {
            yield return Row("-", "-", "-", owner, diagnostic);
        }
    }

    private static string Row(string service, string client, string operation, string owner, Diagnostic diagnostic)
    {
        // Messages name types and members; tabs and line breaks would break the row.
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture).ReplaceLineEndings(" ").Replace('\t', ' ');
        return string.Join('\t', service, client, operation, diagnostic.Id, owner, message);
    }

    public static void Write(CorpusCheck check, string path) =>
        File.WriteAllLines(path, [Header, .. Rows(check)], new UTF8Encoding(false));
}
