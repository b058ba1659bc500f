namespace OciRaw.Corpus;

/// <summary>
/// One written operation: its stable key (<c>object_storage.ObjectStorage.PutObject</c>, used by the known-unsupported
/// list), the interface and method it became, the result class written for it (if any), and every model it reaches,
/// so that a diagnostic on a model counts against each operation that uses it.
/// </summary>
public sealed record CorpusOperation(string Key, string InterfaceName, string MethodName, string? ResultClassName, IReadOnlyList<string> Models);
