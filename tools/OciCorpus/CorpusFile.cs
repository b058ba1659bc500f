namespace OciRaw.Corpus;

/// <summary>One written C# file: a relative path (<c>object_storage/IObjectStorageClient.cs</c>) and its text.</summary>
public sealed record CorpusFile(string Path, string Text);
