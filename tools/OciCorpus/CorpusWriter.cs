using OciRaw.Corpus.Description;

namespace OciRaw.Corpus;

/// <summary>
/// Writes chosen clients of the description as C#: per service one file of the models its chosen clients reach, and
/// per client one file with its interface (namespace <c>OciCorpus.&lt;Service&gt;</c>).
/// </summary>
public sealed class CorpusWriter(ApiDescription api, ContractLevel level)
{
    /// <summary>Writes <paramref name="clients"/> (all of them when null).</summary>
    public CorpusOutput Write(IEnumerable<(ApiService Service, ApiClient Client)>? clients = null)
    {
        clients ??= from service in api.Services from client in service.Clients select (service, client);
        var files = new List<CorpusFile>();
        var operations = new List<CorpusOperation>();
        foreach (IGrouping<ApiService, (ApiService Service, ApiClient Client)> group in clients.GroupBy(c => c.Service))
        {
            ApiService service = group.Key;
            string ns = "OciCorpus." + CSharpNames.Pascal(service.Name);
            var roots = new List<string>();
            foreach ((_, ApiClient client) in group)
            {
                var writer = new ClientWriter(service, client, level);
                files.Add(new CorpusFile($"{service.Name}/{writer.InterfaceName}.cs", writer.Write(ns)));
                operations.AddRange(writer.Operations);
                roots.AddRange(writer.ModelRoots());
            }

            var models = new ModelWriter(service, level);
            files.Add(new CorpusFile($"{service.Name}/Models.cs", models.Write(ns, models.Reachable(roots))));
        }

        return new CorpusOutput(files, operations);
    }

    /// <summary>
    /// The clients that make up about <paramref name="fraction"/> of all operations, chosen across every service in a
    /// fixed order (by a hash of the client's name, not alphabetically), so that a quarter and a half of OCI have the
    /// same mix of shapes as the whole and compile times can be compared for linearity. 1 is everything.
    /// </summary>
    public IReadOnlyList<(ApiService Service, ApiClient Client)> Fraction(double fraction)
    {
        var all = (from service in api.Services from client in service.Clients select (service, client))
            .OrderBy(c => StableHash(c.service.Name + "/" + c.client.Name)).ToList();
        int total = all.Sum(c => c.client.Operations.Count);
        var chosen = new List<(ApiService, ApiClient)>();
        int count = 0;
        foreach ((ApiService service, ApiClient client) in all)
        {
            if (count >= fraction * total)
            {
                break;
            }

            chosen.Add((service, client));
            count += client.Operations.Count;
        }

        return chosen;
    }

    /// <summary>The clients named <c>service/Client</c> (e.g. <c>core/ComputeClient</c>) or whole services (<c>identity</c>).</summary>
    public IReadOnlyList<(ApiService Service, ApiClient Client)> Select(IEnumerable<string> names)
    {
        var chosen = new List<(ApiService, ApiClient)>();
        foreach (string name in names)
        {
            string[] parts = name.Split('/');
            ApiService service = api.Services.FirstOrDefault(s => s.Name == parts[0])
                ?? throw new ArgumentException($"The API description has no service '{parts[0]}' (in '{name}').", nameof(names));
            IEnumerable<ApiClient> clients = parts.Length == 1 ? service.Clients : service.Clients.Where(c => c.Name == parts[1]).ToList() is { Count: > 0 } found
                ? found
                : throw new ArgumentException($"Service '{parts[0]}' has no client '{parts[1]}'; it has {string.Join(", ", service.Clients.Select(c => c.Name))}.", nameof(names));
            chosen.AddRange(clients.Select(c => (service, c)));
        }

        return chosen;
    }

    private static uint StableHash(string text)
    {
        uint hash = 2166136261; // FNV-1a: string.GetHashCode differs between runs
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
