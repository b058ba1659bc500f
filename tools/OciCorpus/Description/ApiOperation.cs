namespace OciRaw.Corpus.Description;

/// <summary>
/// One REST operation. <see cref="ResponseType"/> is the SDK's spelling (<c>Bucket</c>, <c>list[User]</c>, <c>stream</c>,
/// <c>str</c>; null for no body); <see cref="ResponseHeaders"/> are [name, type] pairs from the Go SDK's response struct
/// (a name ending in <c>*</c> is a prefix collection such as <c>opc-meta-*</c>).
/// </summary>
public sealed record ApiOperation(
    string Name,
    string PythonName,
    string Method,
    string Path,
    IReadOnlyList<ApiParameter> Params,
    string? ResponseType,
    IReadOnlyList<IReadOnlyList<string>>? ResponseHeaders,
    string? Accept,
    string? Reference);
