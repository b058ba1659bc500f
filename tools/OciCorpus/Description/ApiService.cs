namespace OciRaw.Corpus.Description;

/// <summary>One OCI service (a package of the Python SDK, e.g. <c>object_storage</c>): its clients and models.</summary>
public sealed record ApiService(string Name, IReadOnlyList<ApiClient> Clients, IReadOnlyDictionary<string, ApiModel> Models);
