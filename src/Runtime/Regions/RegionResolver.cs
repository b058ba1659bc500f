namespace OciRaw;

/// <summary>
/// Resolves region names (spec §7.1) against the built-in table and the runtime sources, each read at most once per
/// resolver (the process-wide <see cref="Default"/> reads each once per process). Tests build their own with fake sources.
/// </summary>
internal sealed class RegionResolver
{
    public const string DefaultRealmVariable = "OCI_DEFAULT_REALM";
    public const string RegionsConfigFile = "~/.oci/regions-config.json";

    public static readonly IReadOnlyList<OciRegion> BuiltIn = RegionTable.Regions
        .Select(r => new OciRegion(r.Id, r.Code, r.Realm, RegionTable.Realms[r.Realm]))
        .ToArray();

    private static readonly Dictionary<string, OciRegion> BuiltInByName = IndexByIdAndCode(BuiltIn);

    private readonly Func<string, string?> _environment;
    private readonly string _regionsConfigFile;
    private readonly Lazy<List<OciRegion>> _fromFile;
    private readonly Lazy<OciRegion?> _fromEnvironment;
    private readonly Lazy<OciRegion?> _fromMetadataService;
    private volatile bool _metadataServiceEnabled;

    public RegionResolver(Func<string, string?> environment, string regionsConfigFile, Func<OciRegion?> metadataService)
    {
        _environment = environment;
        _regionsConfigFile = regionsConfigFile;
        _fromFile = new(ReadConfigFile);
        _fromEnvironment = new(ReadEnvironment);
        _fromMetadataService = new(metadataService);
    }

    public static RegionResolver Default { get; } = new(
        Environment.GetEnvironmentVariable,
        PathExpansion.ExpandHome(RegionsConfigFile),
        InstanceMetadataRegion.Fetch);

    public void EnableInstanceMetadataService() => _metadataServiceEnabled = true;

    public OciRegion Resolve(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        string name = region.Trim().ToLowerInvariant();
        if (name.Length == 0)
        {
            throw new ArgumentException("A region is required: an id such as us-ashburn-1 or a short code such as iad.", nameof(region));
        }

        if (BuiltInByName.TryGetValue(name, out OciRegion? builtIn))
        {
            return builtIn;
        }

        OciRegion? found = _fromFile.Value.Find(r => Names(r, name))
            ?? (_fromEnvironment.Value is { } fromEnvironment && Names(fromEnvironment, name) ? fromEnvironment : null)
            ?? (_metadataServiceEnabled && _fromMetadataService.Value is { } fromService && Names(fromService, name) ? fromService : null);
        if (found is not null)
        {
            return found;
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            return new OciRegion(name, null, null, name);
        }

        if (_environment(DefaultRealmVariable)?.Trim().ToLowerInvariant() is { Length: > 0 } domain)
        {
            return new OciRegion(name, null, null, domain);
        }

        throw new OciRegionException(
            $"Unknown OCI region '{region.Trim()}': it is not one of the {BuiltIn.Count} built-in regions (ids such as us-ashburn-1, short codes such as iad) " +
            $"and is not declared in {_regionsConfigFile}, {RegionMetadata.EnvironmentVariable}" +
            (_metadataServiceEnabled ? " or the instance metadata service" : string.Empty) + ". " +
            "Check the spelling, or declare the region: set " + RegionMetadata.EnvironmentVariable +
            $"='{{\"realmKey\":\"oc1\",\"realmDomainComponent\":\"oraclecloud.com\",\"regionKey\":\"abc\",\"regionIdentifier\":\"{name}\"}}' " +
            $"(with its real realm, domain and code), add that object to the JSON array in {_regionsConfigFile}, " +
            $"or set {DefaultRealmVariable} to its realm's second-level domain (e.g. oraclecloud.com).");
    }

    private static bool Names(OciRegion region, string name) => region.Id == name || region.Code == name;

    private static Dictionary<string, OciRegion> IndexByIdAndCode(IEnumerable<OciRegion> regions)
    {
        var index = new Dictionary<string, OciRegion>(StringComparer.Ordinal);
        foreach (OciRegion region in regions)
        {
            index.Add(region.Id, region);
            index.Add(region.Code!, region);
        }

        return index;
    }

    private List<OciRegion> ReadConfigFile()
    {
        string json;
        try
        {
            json = File.ReadAllText(_regionsConfigFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciRegionException($"The regions file {_regionsConfigFile} cannot be read: {e.Message}", e);
        }

        return RegionMetadata.ParseMany(json, $"The regions file {_regionsConfigFile}");
    }

    private OciRegion? ReadEnvironment() =>
        _environment(RegionMetadata.EnvironmentVariable) is { } json && !string.IsNullOrWhiteSpace(json)
            ? RegionMetadata.ParseOne(json, $"The environment variable {RegionMetadata.EnvironmentVariable}")
            : null;
}
