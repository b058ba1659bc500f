namespace OciRaw.Tests.Regions;

/// <summary>
/// Region resolution (spec §7.1-7.4) with fake sources: the built-in table for every realm, short codes, each runtime
/// source and their order, each source read once, domain suffixes, OCI_DEFAULT_REALM and unknown regions.
/// </summary>
public sealed class RegionResolverTests : IDisposable
{
    private const string Sydney2 = """{"realmKey": "OC1", "realmDomainComponent": "oraclecloud.com", "regionKey": "SY2", "regionIdentifier": "AP-SYDNEY-2"}""";
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _environmentReads = new(StringComparer.Ordinal);
    private int _metadataServiceCalls;
    private OciRegion? _metadataServiceRegion;

    public static TheoryData<string, string> OneRegionPerRealm()
    {
        var data = new TheoryData<string, string>();
        foreach (string realm in RegionTable.Realms.Keys)
        {
            data.Add(realm, RegionTable.Regions.First(r => r.Realm == realm).Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OneRegionPerRealm))]
    public void Every_realm_in_the_table_resolves_to_its_second_level_domain(string realm, string regionId)
    {
        OciRegion region = Resolver().Resolve(regionId);

        Assert.Equal(realm, region.RealmKey);
        Assert.Equal(RegionTable.Realms[realm], region.SecondLevelDomain);
        Assert.Equal(new Uri($"https://identity.{regionId}.oci.{RegionTable.Realms[realm]}"),
            OciEndpointTemplate.Expand("https://identity.{region}.oci.{secondLevelDomain}", "identity", region, dualStack: false));
    }

    [Fact]
    public void Every_built_in_region_resolves_by_id_and_by_short_code_in_any_case()
    {
        RegionResolver resolver = Resolver();
        Assert.Equal(85, OciRegion.BuiltIn.Count);
        Assert.Equal(20, OciRegion.BuiltIn.Select(r => r.RealmKey).Distinct().Count());
        foreach (OciRegion region in OciRegion.BuiltIn)
        {
            Assert.Same(region, resolver.Resolve(region.Id));
            Assert.Same(region, resolver.Resolve(region.Code!));
            Assert.Same(region, resolver.Resolve(" " + region.Code!.ToUpperInvariant() + " "));
        }

        Assert.Equal("us-phoenix-1", resolver.Resolve("phx").Id);
        Assert.Equal("uk-gov-london-1", resolver.Resolve("LTN").Id);
        Assert.Equal("oraclegovcloud.uk", resolver.Resolve("ltn").SecondLevelDomain);
        Assert.Empty(_environmentReads); // a built-in region reads no source
    }

    [Fact]
    public void The_regions_config_file_declares_regions_by_id_and_code()
    {
        string file = _dir.Write("regions-config.json", "[" + Sydney2 + """, {"realmKey": "oc99", "realmDomainComponent": "example-cloud.com", "regionKey": "xyz", "regionIdentifier": "xx-new-1"}]""");
        RegionResolver resolver = Resolver(file);

        OciRegion sydney2 = resolver.Resolve("ap-sydney-2");
        OciRegion newRealm = resolver.Resolve("XYZ");

        Assert.Equal(("ap-sydney-2", "sy2", "oc1", "oraclecloud.com"), (sydney2.Id, sydney2.Code, sydney2.RealmKey, sydney2.SecondLevelDomain));
        Assert.Equal(("xx-new-1", "oc99", "example-cloud.com"), (newRealm.Id, newRealm.RealmKey, newRealm.SecondLevelDomain));
    }

    [Fact]
    public void OCI_REGION_METADATA_declares_one_region_and_is_read_once()
    {
        _environment[RegionMetadata.EnvironmentVariable] = Sydney2;
        RegionResolver resolver = Resolver();

        Assert.Equal("ap-sydney-2", resolver.Resolve("sy2").Id);
        Assert.Equal("ap-sydney-2", resolver.Resolve("ap-sydney-2").Id);
        Assert.Equal(1, _environmentReads[RegionMetadata.EnvironmentVariable]);
    }

    [Fact]
    public void The_file_comes_before_the_environment_and_the_built_in_table_before_both()
    {
        string file = _dir.Write("regions-config.json", """
            [{"realmKey": "oc1", "realmDomainComponent": "from-file.com", "regionKey": "sy2", "regionIdentifier": "ap-sydney-2"},
             {"realmKey": "oc1", "realmDomainComponent": "from-file.com", "regionKey": "iad", "regionIdentifier": "us-ashburn-1"}]
            """);
        _environment[RegionMetadata.EnvironmentVariable] = Sydney2.Replace("oraclecloud.com", "from-env.com", StringComparison.Ordinal);
        _metadataServiceRegion = new OciRegion("ap-sydney-2", null, "oc1", "from-imds.com");
        RegionResolver resolver = Resolver(file);
        resolver.EnableInstanceMetadataService();

        Assert.Equal("from-file.com", resolver.Resolve("ap-sydney-2").SecondLevelDomain);
        Assert.Equal("oraclecloud.com", resolver.Resolve("us-ashburn-1").SecondLevelDomain);
        Assert.Equal(0, _metadataServiceCalls);
    }

    [Fact]
    public void The_environment_comes_before_the_metadata_service()
    {
        _environment[RegionMetadata.EnvironmentVariable] = Sydney2.Replace("oraclecloud.com", "from-env.com", StringComparison.Ordinal);
        _metadataServiceRegion = new OciRegion("ap-sydney-2", null, "oc1", "from-imds.com");
        RegionResolver resolver = Resolver();
        resolver.EnableInstanceMetadataService();

        Assert.Equal("from-env.com", resolver.Resolve("ap-sydney-2").SecondLevelDomain);
        Assert.Equal(0, _metadataServiceCalls);
    }

    [Fact]
    public void The_metadata_service_is_the_last_source_only_when_enabled_and_is_asked_once()
    {
        _metadataServiceRegion = new OciRegion("xx-instance-1", null, "oc1", "oraclecloud.com");
        RegionResolver resolver = Resolver();

        Assert.Throws<OciRegionException>(() => resolver.Resolve("xx-instance-1"));
        Assert.Equal(0, _metadataServiceCalls);

        resolver.EnableInstanceMetadataService();
        Assert.Equal("oraclecloud.com", resolver.Resolve("xx-instance-1").SecondLevelDomain);
        Assert.Equal("oraclecloud.com", resolver.Resolve("xx-instance-1").SecondLevelDomain);
        Assert.Equal(1, _metadataServiceCalls);
    }

    [Fact]
    public void A_region_with_a_dot_is_a_domain_suffix()
    {
        OciRegion region = Resolver().Resolve("us-ashburn-1.oraclecloud.com");

        Assert.True(region.IsDomainSuffix);
        Assert.Equal(new Uri("https://identity.us-ashburn-1.oraclecloud.com"),
            OciEndpointTemplate.Expand("https://identity.{region}.oci.{secondLevelDomain}", "identity", region));
    }

    [Fact]
    public void OCI_DEFAULT_REALM_gives_an_unknown_region_its_domain()
    {
        _environment[RegionResolver.DefaultRealmVariable] = " OracleCloud.com ";

        OciRegion region = Resolver().Resolve("xx-future-1");

        Assert.Equal(("xx-future-1", "oraclecloud.com"), (region.Id, region.SecondLevelDomain));
        Assert.Null(region.RealmKey);
    }

    [Fact]
    public void An_unknown_region_is_an_error_that_says_how_to_declare_it()
    {
        OciRegionException e = Assert.Throws<OciRegionException>(() => Resolver(_dir.PathOf("none.json")).Resolve("US-Nowhere-1"));

        Assert.IsAssignableFrom<OciException>(e);
        Assert.Contains("'US-Nowhere-1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"regionIdentifier\":\"us-nowhere-1\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("OCI_REGION_METADATA", e.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.PathOf("none.json"), e.Message, StringComparison.Ordinal);
        Assert.Contains("OCI_DEFAULT_REALM", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"realmKey": "oc1"}""", "entry 0 has no 'realmDomainComponent'")]
    [InlineData("""[{"realmKey": "oc1", "realmDomainComponent": "x.com", "regionKey": "", "regionIdentifier": "xx-a-1"}]""", "entry 0 has no 'regionKey'")]
    [InlineData("""[1]""", "entry 0 must be a JSON object")]
    [InlineData("""[{"realmKey": """, "is not valid JSON")]
    public void A_malformed_regions_file_is_an_error_naming_the_file_and_the_problem(string json, string problem)
    {
        string file = _dir.Write("regions-config.json", json.StartsWith('{') ? "[" + json + "]" : json);

        OciRegionException e = Assert.Throws<OciRegionException>(() => Resolver(file).Resolve("xx-a-1"));

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_OCI_REGION_METADATA_names_the_variable()
    {
        _environment[RegionMetadata.EnvironmentVariable] = """{"realmKey": "oc1", "regionKey": "abc"}""";

        OciRegionException e = Assert.Throws<OciRegionException>(() => Resolver().Resolve("xx-a-1"));

        Assert.Contains("OCI_REGION_METADATA has no 'realmDomainComponent'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_region_is_an_argument_error(string region) =>
        Assert.Throws<ArgumentException>(() => Resolver().Resolve(region));

    public void Dispose() => _dir.Dispose();

    private RegionResolver Resolver(string? regionsFile = null) => new(
        name =>
        {
            _environmentReads[name] = _environmentReads.GetValueOrDefault(name) + 1;
            return _environment.GetValueOrDefault(name);
        },
        regionsFile ?? _dir.PathOf("absent/regions-config.json"),
        () =>
        {
            _metadataServiceCalls++;
            return _metadataServiceRegion;
        });
}
