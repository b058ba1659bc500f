namespace OciRaw.Corpus.Tests;

/// <summary>
/// The CI slice of the corpus: whole clients of the services issue 9 names (Identity, Object Storage, Compute and Block
/// Storage, Container Engine, Functions, Logging Search, Secrets, License Manager) plus Logging and Vault, about 550 of
/// OCI's 8,054 operations with every shape the contract covers: header results, raw bodies, item and page enumeration,
/// POST lists, polymorphic models, CSV queries.
/// </summary>
internal static class CorpusSlice
{
    public static readonly string[] Clients =
    [
        "identity", "object_storage", "core/ComputeClient", "core/BlockstorageClient", "container_engine", "functions",
        "loggingsearch", "secrets", "license_manager", "logging", "vault",
    ];

    private static readonly Lazy<Description.ApiDescription> LoadedApi =
        new(() => Description.ApiDescription.Load(Path.Combine(AppContext.BaseDirectory, "oci-api.json.gz")));

    public static Description.ApiDescription Api => LoadedApi.Value;

    public static CorpusOutput Write(ContractLevel level)
    {
        var writer = new CorpusWriter(Api, level);
        return writer.Write(writer.Select(Clients));
    }
}
