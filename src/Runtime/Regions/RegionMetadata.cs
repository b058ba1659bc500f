using System.Text.Json;

namespace OciRaw;

/// <summary>
/// Reads region declarations in the OCI SDKs' schema (spec §7.4): <c>{"realmKey": "oc1", "realmDomainComponent":
/// "oraclecloud.com", "regionKey": "syd", "regionIdentifier": "ap-sydney-1"}</c>, all four required and non-empty,
/// lowercased. A malformed declaration is an error naming its source, never silently skipped: a region the user declared
/// and that then "does not exist" would be much harder to find.
/// </summary>
internal static class RegionMetadata
{
    public const string EnvironmentVariable = "OCI_REGION_METADATA";

    /// <summary>One object (the environment variable's form).</summary>
    public static OciRegion ParseOne(string json, string source)
    {
        using JsonDocument document = Parse(json, source);
        return Read(document.RootElement, source);
    }

    /// <summary>An array of objects (the regions-config.json form).</summary>
    public static List<OciRegion> ParseMany(string json, string source)
    {
        using JsonDocument document = Parse(json, source);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new OciRegionException($"{source} must hold a JSON array of region objects, but holds a {document.RootElement.ValueKind}.");
        }

        var regions = new List<OciRegion>();
        int index = 0;
        foreach (JsonElement element in document.RootElement.EnumerateArray())
        {
            regions.Add(Read(element, $"{source}, entry {index}"));
            index++;
        }

        return regions;
    }

    private static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new OciRegionException($"{source} is not valid JSON: {e.Message}", e);
        }
    }

    private static OciRegion Read(JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new OciRegionException($"{source} must be a JSON object with realmKey, realmDomainComponent, regionKey and regionIdentifier, but is a {element.ValueKind}.");
        }

        string realm = Required(element, "realmKey", source);
        string domain = Required(element, "realmDomainComponent", source);
        string code = Required(element, "regionKey", source);
        string id = Required(element, "regionIdentifier", source);
        return new OciRegion(id, code, realm, domain);
    }

    private static string Required(JsonElement element, string name, string source) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text
            ? text.ToLowerInvariant()
            : throw new OciRegionException($"{source} has no '{name}' (all of realmKey, realmDomainComponent, regionKey and regionIdentifier are required, as non-empty strings).");
}
