namespace OciRaw.Corpus.Description;

/// <summary>The SDK repository and commit a description was extracted from.</summary>
public sealed record SdkSnapshot(string Repository, string Commit);
