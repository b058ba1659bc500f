namespace OciRaw.Corpus;

/// <summary>What <see cref="CorpusWriter"/> wrote: the files and every operation in them.</summary>
public sealed record CorpusOutput(IReadOnlyList<CorpusFile> Files, IReadOnlyList<CorpusOperation> Operations);
