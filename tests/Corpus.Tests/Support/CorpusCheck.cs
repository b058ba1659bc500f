using Microsoft.CodeAnalysis;

namespace OciRaw.Corpus.Tests;

/// <summary>
/// What a corpus compilation reported: diagnostic IDs by owner (an operation key such as
/// <c>object_storage.ObjectStorage.PutObject</c>, a model <c>core.model.Instance</c>, or a file), and every diagnostic
/// that stands in generated code (which must never happen: the generator reports what it cannot do instead).
/// <see cref="Charged"/> keeps the diagnostics themselves, for <see cref="NotCleanReport"/>.
/// </summary>
internal sealed record CorpusCheck(
    CorpusOutput Corpus,
    IReadOnlyDictionary<string, SortedSet<string>> DiagnosticsByOwner,
    IReadOnlyList<Diagnostic> InGeneratedCode,
    IReadOnlyList<(string Owner, Diagnostic Diagnostic)> Charged)
{
    /// <summary>One line per owner: <c>key ID1,ID2</c>, ordered by key.</summary>
    public IReadOnlyList<string> Lines => DiagnosticsByOwner.Select(p => $"{p.Key} {string.Join(",", p.Value)}").ToArray();

    /// <summary>
    /// Operations with no diagnostic of their own, none on their interface (its <c>[OciService]</c>) and none on a model
    /// they reach: written as a user would, and clean.
    /// </summary>
    public IReadOnlyList<CorpusOperation> CleanOperations =>
        Corpus.Operations.Where(o => !OwnersOf(o).Any(DiagnosticsByOwner.ContainsKey)).ToArray();

    /// <summary>The owners whose diagnostics count against <paramref name="operation"/>: itself, its interface, its models.</summary>
    public static IEnumerable<string> OwnersOf(CorpusOperation operation)
    {
        string service = operation.Key.Split('.')[0];
        return [operation.Key, $"{service}.{operation.InterfaceName[(operation.InterfaceName.LastIndexOf('.') + 1)..]}",
            .. operation.Models.Select(m => $"{service}.model.{m}")];
    }
}
