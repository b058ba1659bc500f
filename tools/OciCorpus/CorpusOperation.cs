namespace OciRaw.Corpus;

/// <summary>
/// One written operation: its stable key (<c>object_storage.ObjectStorage.PutObject</c>, used by the known-unsupported
/// list), the interface and method it became, and the result class written for it, if any.
/// </summary>
public sealed record CorpusOperation(string Key, string InterfaceName, string MethodName, string? ResultClassName);
