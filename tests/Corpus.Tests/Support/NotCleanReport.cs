using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace OciRaw.Corpus.Tests;

/// <summary>
/// Why operations are not clean: one tab-separated row per operation and diagnostic that counts against it (its own,
/// or one on a model it reaches), with the owner the diagnostic stands in, so that causes can be grouped by ID and
/// message (<c>--report PATH</c> of the corpus benchmark).
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
            string service = key[0];
            IEnumerable<string> owners = [operation.Key, .. operation.Models.Select(m => $"{service}.model.{m}")];
            foreach (string owner in owners)
            {
                foreach (Diagnostic diagnostic in byOwner[owner])
                {
                    // Messages name types and members; tabs and line breaks would break the row.
                    string message = diagnostic.GetMessage(CultureInfo.InvariantCulture).ReplaceLineEndings(" ").Replace('\t', ' ');
                    yield return string.Join('\t', service, key[1], key[^1], diagnostic.Id, owner, message);
                }
            }
        }
    }

    public static void Write(CorpusCheck check, string path) =>
        File.WriteAllLines(path, [Header, .. Rows(check)], new UTF8Encoding(false));
}
