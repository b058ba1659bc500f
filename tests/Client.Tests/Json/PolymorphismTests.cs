using System.Net;
using System.Text.Json;
using OciRaw.Client.Tests.TestSupport;
using G = OciRaw.Generated;
using static OciRaw.Client.Tests.Json.JsonTestSupport;

namespace OciRaw.Client.Tests.Json;

/// <summary>
/// Polymorphic models through the generated client and on the rules random instances do not reach: runtime types a
/// base does not list (each UnknownDerivedTypeHandling), types listed without a discriminator, errors and their paths.
/// </summary>
public sealed class PolymorphismTests
{
    // ---- the real OCI operations ----

    [Fact]
    public async Task LaunchInstance_sends_each_polymorphic_member_with_its_discriminator_first()
    {
        using var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, "{}"));
        using HttpClient http = handler.CreateClient();
        var details = new LaunchInstanceDetails
        {
            AvailabilityDomain = "Uocm:PHX-AD-1",
            CompartmentId = "ocid1.compartment.oc1..c",
            Shape = "VM.Standard.E4.Flex",
            SourceDetails = new InstanceSourceViaImageDetails { ImageId = "ocid1.image.oc1..i", BootVolumeSizeInGBs = 100 },
            PlatformConfig = new AmdVmPlatformConfig { IsSecureBootEnabled = true, IsSymmetricMultiThreadingEnabled = false },
            LaunchVolumeAttachments =
            [
                new LaunchAttachParavirtualizedVolumeDetails
                {
                    DisplayName = "data",
                    LaunchCreateVolumeDetails = new LaunchCreateVolumeFromAttributes { SizeInGBs = 50, VpusPerGB = 10 },
                },
                new LaunchAttachIScsiVolumeDetails { VolumeId = "ocid1.volume.oc1..v", UseChap = true },
            ],
        };

        await IPolymorphicShapesApi.Create(http).LaunchInstanceAsync(details);

        Assert.Equal("POST", handler.Last.Method);
        Assert.Equal(CapturingHandler.BaseAddress + "20160918/instances", handler.Last.Uri);
        const string expected = """
            {"availabilityDomain":"Uocm:PHX-AD-1","compartmentId":"ocid1.compartment.oc1..c","shape":"VM.Standard.E4.Flex",
            "sourceDetails":{"sourceType":"image","imageId":"ocid1.image.oc1..i","bootVolumeSizeInGBs":100},
            "platformConfig":{"type":"AMD_VM","isSecureBootEnabled":true,"isSymmetricMultiThreadingEnabled":false},
            "launchVolumeAttachments":[{"type":"paravirtualized","displayName":"data","launchCreateVolumeDetails":
            {"volumeCreationType":"ATTRIBUTES","vpusPerGB":10,"sizeInGBs":50}},
            {"type":"iscsi","volumeId":"ocid1.volume.oc1..v","useChap":true}]}
            """;
        Assert.Equal(expected.ReplaceLineEndings(string.Empty),
            handler.Last.BodyText);
    }

    [Fact]
    public async Task LaunchInstance_reads_a_response_whose_discriminators_stand_last()
    {
        const string response = """
            {"sourceDetails":{"bootVolumeId":"ocid1.bootvolume.oc1..b","sourceType":"bootVolume"},
             "platformConfig":{"isSecureBootEnabled":true,"numaNodesPerSocket":"NPS2","percentageOfCoresEnabled":50,"type":"AMD_MILAN_BM"},
             "launchVolumeAttachments":[{"device":"/dev/oracleoci/oraclevdb","launchCreateVolumeDetails":{"sizeInGBs":1024,"volumeCreationType":"ATTRIBUTES"},"type":"paravirtualized"}],
             "compartmentId":"c","availabilityDomain":"ad"}
            """;
        using var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, response));
        using HttpClient http = handler.CreateClient();

        LaunchInstanceDetails result = await IPolymorphicShapesApi.Create(http).LaunchInstanceAsync(new LaunchInstanceDetails());

        Assert.Equal("ocid1.bootvolume.oc1..b", Assert.IsType<InstanceSourceViaBootVolumeDetails>(result.SourceDetails).BootVolumeId);
        var platform = Assert.IsType<AmdMilanBmPlatformConfig>(result.PlatformConfig);
        Assert.Equal((true, "NPS2", 50), (platform.IsSecureBootEnabled, platform.NumaNodesPerSocket, platform.PercentageOfCoresEnabled));
        var attachment = Assert.IsType<LaunchAttachParavirtualizedVolumeDetails>(Assert.Single(result.LaunchVolumeAttachments!));
        Assert.Equal("/dev/oracleoci/oraclevdb", attachment.Device);
        Assert.Equal(1024, Assert.IsType<LaunchCreateVolumeFromAttributes>(attachment.LaunchCreateVolumeDetails).SizeInGBs);
        Assert.Equal(Stj.Canonical(StjRead<LaunchInstanceDetails>(response)), Stj.Canonical(result));
    }

    [Theory]
    [InlineData("""{"secretId":"s","versionNumber":3,"secretBundleContent":{"content":"aGk=","contentType":"BASE64"}}""", typeof(Base64SecretBundleContentDetails))]
    [InlineData("""{"secretId":"s","versionNumber":3,"secretBundleContent":{"contentType":"TEXT","content":"hi"}}""", typeof(SecretBundleContentDetails))]
    [InlineData("""{"secretId":"s","versionNumber":3,"secretBundleContent":{"content":"hi"}}""", typeof(SecretBundleContentDetails))]
    public async Task GetSecretBundle_reads_known_content_types_as_theirs_and_others_as_the_base(string response, Type expected)
    {
        using var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, response));
        using HttpClient http = handler.CreateClient();

        SecretBundle bundle = await IPolymorphicShapesApi.Create(http).GetSecretBundleAsync("ocid1.vaultsecret.oc1..s");

        Assert.Equal(CapturingHandler.BaseAddress + "20190301/secretbundles/ocid1.vaultsecret.oc1..s", handler.Last.Uri);
        Assert.IsType(expected, bundle.SecretBundleContent);
        Assert.Equal(Stj.Canonical(StjRead<SecretBundle>(response)), Stj.Canonical(bundle));
    }

    [Fact]
    public void A_base_typed_member_holding_a_derived_value_keeps_the_derived_members()
    {
        var zoo = new Zoo { Square = new RoundedSquare { Side = 2, CornerRadius = 0.5 } };

        string ours = Write(zoo, G.OciRaw_Client_Tests_Json_Zoo_Json.Write);

        Assert.Equal("""{"square":{"variant":"rounded","area":0,"side":2,"cornerRadius":0.5}}""", ours);
        Assert.Equal(0.5, Assert.IsType<RoundedSquare>(Read(ours, G.OciRaw_Client_Tests_Json_Zoo_Json.Read).Square).CornerRadius);
    }

    // ---- runtime types the base does not list ----

    [Fact]
    public void FailSerialization_refuses_a_runtime_type_the_base_does_not_list_as_System_Text_Json_does()
    {
        var tram = new Tram { Name = "T1", Cars = 3 };

        NotSupportedException ours = Assert.Throws<NotSupportedException>(() => Write<Vehicle>(tram, G.OciRaw_Client_Tests_Json_Vehicle_Json.Write));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize<Vehicle>(tram, Stj.Options));

        Assert.Contains("'OciRaw.Client.Tests.Json.Tram'", ours.Message, StringComparison.Ordinal);
        Assert.Contains("'Vehicle'", ours.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FallBackToBaseType_writes_an_unlisted_type_as_the_base_with_the_base_discriminator()
    {
        Shape hexagon = new Hexagon { Label = "hex", Area = 2.5, Sides = 6 };

        string ours = Write(hexagon, G.OciRaw_Client_Tests_Json_Shape_Json.Write);

        Assert.Equal(JsonSerializer.Serialize(hexagon, Stj.Options), ours);
        Assert.Equal("""{"kind":"shape","label":"hex","area":2.5}""", ours);
    }

    [Fact]
    public void FallBackToNearestAncestor_writes_an_unlisted_type_as_its_nearest_listed_ancestor()
    {
        Animal beagle = new Beagle { Name = "Snoopy", GoodBoy = true, Howl = "aroo" };

        string ours = Write(beagle, G.OciRaw_Client_Tests_Json_Animal_Json.Write);

        Assert.Equal("""{"$type":"dog","name":"Snoopy","goodBoy":true}""", ours);
        AssertSameJson(JsonSerializer.Serialize(beagle, Stj.Options), ours);
    }

    [Fact]
    public void A_type_listed_without_a_discriminator_is_written_without_one_and_reads_back_as_the_base()
    {
        Shape triangle = new Triangle { Label = "t", Area = 1, Height = 2 };

        string ours = Write(triangle, G.OciRaw_Client_Tests_Json_Shape_Json.Write);
        Shape back = Read(ours, G.OciRaw_Client_Tests_Json_Shape_Json.Read);

        AssertSameJson(JsonSerializer.Serialize(triangle, Stj.Options), ours);
        Assert.IsType<Shape>(back);
        Assert.Equal(Stj.Canonical(StjRead<Shape>(ours)), Stj.Canonical(back));
    }

    [Fact]
    public void A_derived_type_that_is_itself_a_base_is_read_by_the_discriminator_of_the_declared_level()
    {
        // Declared Shape: "kind" decides and "variant" is an unknown member; declared Square: "variant" decides.
        const string json = """{"side":3,"variant":"rounded","cornerRadius":1,"kind":"square"}""";

        Shape asShape = Read(json, G.OciRaw_Client_Tests_Json_Shape_Json.Read);
        Square asSquare = Read(json, G.OciRaw_Client_Tests_Json_Square_Json.Read);

        Assert.Equal(typeof(Square), asShape.GetType());
        Assert.Equal(typeof(RoundedSquare), asSquare.GetType());
        Assert.Equal(Stj.Canonical(StjRead<Shape>(json)), Stj.Canonical(asShape));
        Assert.Equal(Stj.Canonical(StjRead<Square>(json)), Stj.Canonical(asSquare));
    }

    // ---- errors ----

    [Fact]
    public void An_unknown_discriminator_on_an_abstract_base_names_the_value_the_known_ones_and_the_path()
    {
        OciJsonException error = ReadError("""{"compartmentId":"c","sourceDetails":{"imageId":"i","sourceType":"snapshot"}}""",
            G.OciRaw_Client_Tests_Json_LaunchInstanceDetails_Json.Read);

        Assert.Equal("$.sourceDetails.sourceType", error.JsonPath);
        Assert.Equal("InstanceSourceDetails", error.ExpectedType);
        Assert.Contains("'snapshot'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'image', 'bootVolume'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_integer_discriminator_is_named_too()
    {
        OciJsonException error = ReadError("""{"fleet":[{"$type":1,"doors":4},{"name":"x","$type":7}]}""", G.OciRaw_Client_Tests_Json_Zoo_Json.Read);

        Assert.Equal("$.fleet[1].$type", error.JsonPath);
        Assert.Contains("is 7,", error.Message, StringComparison.Ordinal);
        Assert.Contains("1, 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_discriminator_on_an_abstract_base_is_an_error_and_on_a_concrete_base_reads_the_base()
    {
        OciJsonException error = ReadError("""{"platformConfig":{"isSecureBootEnabled":true}}""", G.OciRaw_Client_Tests_Json_LaunchInstanceDetails_Json.Read);
        Animal animal = Read("""{"name":"generic"}""", G.OciRaw_Client_Tests_Json_Animal_Json.Read);

        Assert.Equal("$.platformConfig", error.JsonPath);
        Assert.Contains("no type discriminator 'type'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'AMD_MILAN_BM'", error.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => StjRead<PlatformConfig>("""{"isSecureBootEnabled":true}"""));
        Assert.Equal(typeof(Animal), animal.GetType());
        Assert.Equal("generic", animal.Name);
    }

    [Theory]
    [InlineData("""{"sourceType":null,"imageId":"i"}""")]
    [InlineData("""{"imageId":"i","sourceType":{"a":1}}""")]
    [InlineData("""{"imageId":"i","sourceType":["image"]}""")]
    public void A_discriminator_that_is_neither_a_string_nor_a_number_is_an_error_at_its_path(string json)
    {
        OciJsonException error = ReadError(json, G.OciRaw_Client_Tests_Json_InstanceSourceDetails_Json.Read);

        Assert.Equal("$.sourceType", error.JsonPath);
        Assert.Contains("must be a string or a number", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => StjRead<InstanceSourceDetails>(json));
    }

    [Fact]
    public void Malformed_json_after_the_discriminator_is_reported_by_the_derived_reader_with_its_path()
    {
        OciJsonException error = ReadError("""{"sourceDetails":{"sourceType":"image","bootVolumeSizeInGBs":"big"}}""",
            G.OciRaw_Client_Tests_Json_LaunchInstanceDetails_Json.Read);

        Assert.Equal("$.sourceDetails.bootVolumeSizeInGBs", error.JsonPath);
        Assert.Equal("long", error.ExpectedType);
    }

    /// <summary>The same JSON up to member order (STJ writes a derived type's members before its base's).</summary>
    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual)),
            $"expected {expected}\nactual   {actual}");
}
