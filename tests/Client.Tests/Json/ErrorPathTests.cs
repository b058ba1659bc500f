using System.Text.Json;
using G = OciRaw.Generated;
using static OciRaw.Client.Tests.Json.JsonTestSupport;

namespace OciRaw.Client.Tests.Json;

/// <summary>
/// Malformed JSON and wrong token types give an <see cref="OciJsonException"/> whose JsonPath is exact and whose
/// ExpectedType names the type expected there; System.Text.Json rejects the same documents.
/// </summary>
public sealed class ErrorPathTests
{
    private static readonly Dictionary<string, (Func<string, object> Ours, Func<string, object> Stj)> Readers = new()
    {
        ["tree"] = (json => Read(json, G.OciRaw_Client_Tests_Json_TreeNode_Json.Read), StjRead<TreeNode>),
        ["dictionaries"] = (json => Read(json, G.OciRaw_Client_Tests_Json_Dictionaries_Json.Read), StjRead<Dictionaries>),
        ["scalars"] = (json => Read(json, G.OciRaw_Client_Tests_Json_Scalars_Json.Read), StjRead<Scalars>),
        ["nested"] = (json => Read(json, G.OciRaw_Client_Tests_Json_NestedDto_Json.Read), StjRead<NestedDto>),
        ["arrays"] = (json => Read(json, G.OciRaw_Client_Tests_Json_Arrays_Json.Read), StjRead<Arrays>),
        ["lists"] = (json => Read(json, G.OciRaw_Client_Tests_Json_Lists_Json.Read), StjRead<Lists>),
        ["deep"] = (json => Read(json, G.OciRaw_Client_Tests_Json_DeepCollections_Json.Read), StjRead<DeepCollections>),
        ["page"] = (json => Read(json, G.OciRaw_Client_Tests_Json_Page_2OciRaw_Client_Tests_Json_PositionalRecord_4_Json.Read), StjRead<Page<PositionalRecord>>),
        ["names"] = (json => Read(json, G.OciRaw_Client_Tests_Json_CustomNames_Json.Read), StjRead<CustomNames>),
        ["record"] = (json => Read(json, G.OciRaw_Client_Tests_Json_PositionalRecord_Json.Read), StjRead<PositionalRecord>),
        ["interfaces"] = (json => Read(json, G.OciRaw_Client_Tests_Json_CollectionInterfaces_Json.Read), StjRead<CollectionInterfaces>),
    };

    [Theory]
    // Wrong token types and values, with the path through objects, arrays and dictionaries.
    [InlineData("tree", """{"name":"r","children":[{"name":"a"},{"name":5}]}""", "$.children[1].name", "string")]
    [InlineData("tree", """{"children":[{"children":[{"value":1},{"value":2},{"next":{"value":"3"}}]}]}""", "$.children[0].children[2].next.value", "int")]
    [InlineData("tree", """{"named":{"a b":{"named":{"c.d":{"value":true}}}}}""", "$.named['a b'].named['c.d'].value", "int")]
    [InlineData("dictionaries", """{"definedTags":{"ns":"flat"}}""", "$.definedTags['ns']", "Dictionary<string, JsonElement>")]
    [InlineData("dictionaries", """{"definedTags":{"ns":{"key":{"a":1}},"other":[]}}""", "$.definedTags['other']", "Dictionary<string, JsonElement>")]
    [InlineData("dictionaries", """{"counts":{"a":1,"b":"2"}}""", "$.counts['b']", "int")]
    [InlineData("dictionaries", """{"deep":{"ns":{"key":["ok",1]}}}""", "$.deep['ns']['key'][1]", "string")]
    [InlineData("dictionaries", """{"arraysByKey":{"k":[1,null,1.5]}}""", "$.arraysByKey['k'][2]", "int")]
    [InlineData("dictionaries", """{"points":{"p":{"x":1,"y":"2"}}}""", "$.points['p'].y", "int")]
    [InlineData("dictionaries", """{"counts":[]}""", "$.counts", "Dictionary<string, int>")]
    [InlineData("scalars", """{"i32":"12"}""", "$.i32", "int")]
    [InlineData("scalars", """{"i32":1.5}""", "$.i32", "int")]
    [InlineData("scalars", """{"i32":null}""", "$.i32", "int")]
    [InlineData("scalars", """{"u8":256}""", "$.u8", "byte")]
    [InlineData("scalars", """{"i8":-129}""", "$.i8", "sbyte")]
    [InlineData("scalars", """{"i16":32768}""", "$.i16", "short")]
    [InlineData("scalars", """{"u16":-1}""", "$.u16", "ushort")]
    [InlineData("scalars", """{"u32":4294967296}""", "$.u32", "uint")]
    [InlineData("scalars", """{"i64":9223372036854775808}""", "$.i64", "long")]
    [InlineData("scalars", """{"u64":-1}""", "$.u64", "ulong")]
    [InlineData("scalars", """{"f64":"1.5"}""", "$.f64", "double")]
    [InlineData("scalars", """{"money":79228162514264337593543950336}""", "$.money", "decimal")]
    [InlineData("scalars", """{"flag":"true"}""", "$.flag", "bool")]
    [InlineData("scalars", """{"text":1}""", "$.text", "string")]
    [InlineData("scalars", """{"when":"yesterday"}""", "$.when", "DateTimeOffset")]
    [InlineData("scalars", """{"when":1700000000}""", "$.when", "DateTimeOffset")]
    [InlineData("scalars", """{"stamp":"2020-13-01T00:00:00Z"}""", "$.stamp", "DateTime")]
    [InlineData("scalars", """{"identifier":"not-a-guid"}""", "$.identifier", "Guid")]
    [InlineData("scalars", """{"blob":"###"}""", "$.blob", "byte[]")]
    [InlineData("scalars", """{"blob":[1,2]}""", "$.blob", "byte[]")]
    [InlineData("scalars", """[]""", "$", "Scalars")]
    [InlineData("scalars", "\"text\"", "$", "Scalars")]
    [InlineData("nested", """{"inner":5}""", "$.inner", "Scalars")]
    [InlineData("nested", """{"inner":{"text":null,"i32":[]}}""", "$.inner.i32", "int")]
    [InlineData("nested", """{"point":null}""", "$.point", "MutablePoint")]
    [InlineData("nested", """{"maybePoint":{"label":false}}""", "$.maybePoint.label", "string")]
    [InlineData("nested", """{"record":{"when":"x"}}""", "$.record.when", "DateTimeOffset")]
    [InlineData("nested", """{"vector":{"x":"1"}}""", "$.vector.x", "double")]
    [InlineData("nested", """{"optional":{"u8":-1}}""", "$.optional.u8", "byte")]
    [InlineData("arrays", """{"nullableInts":[1,null,"x"]}""", "$.nullableInts[2]", "int")]
    [InlineData("arrays", """{"jagged":[[1],[2,"x"]]}""", "$.jagged[1][1]", "int")]
    [InlineData("arrays", """{"ints":{}}""", "$.ints", "int[]")]
    [InlineData("arrays", """{"blobs":[null,"AA==","!"]}""", "$.blobs[2]", "byte[]")]
    [InlineData("arrays", """{"points":[{"x":1},{"x":1e3}]}""", "$.points[1].x", "int")]
    [InlineData("lists", """{"strings":{}}""", "$.strings", "List<string>")]
    [InlineData("lists", """{"nested":[[1,2],[3,true]]}""", "$.nested[1][1]", "int")]
    [InlineData("lists", """{"records":[null,{"name":"a","count":"1"}]}""", "$.records[1].count", "int")]
    [InlineData("lists", """{"times":["2020-01-01T00:00:00Z","2020-01-01T00:00:00+25:00"]}""", "$.times[1]", "DateTimeOffset")]
    [InlineData("interfaces", """{"readOnlyMap":{"a":"b"}}""", "$.readOnlyMap['a']", "long")]
    [InlineData("interfaces", """{"sequence":["00000000-0000-0000-0000-000000000000",7]}""", "$.sequence[1]", "Guid")]
    [InlineData("deep", """{"mapOfMapOfTrees":{"a":{"b":[{"name":"x"},{"children":[{"value":"bad"}]}]}}}""", "$.mapOfMapOfTrees['a']['b'][1].children[0].value", "int")]
    [InlineData("deep", """{"listOfMaps":[{},{"k":[1,"2"]}]}""", "$.listOfMaps[1]['k'][1]", "int")]
    [InlineData("deep", """{"matrix":[[{"amount":1,"currency":"EUR"}],[{"amount":"1"}]]}""", "$.matrix[1][0].amount", "decimal")]
    [InlineData("page", """{"items":[{"name":"a","count":"x"}]}""", "$.items[0].count", "int")]
    [InlineData("names", """{"näme":5}""", "$.näme", "string")]
    [InlineData("names", """{"with \"quotes\" and \\backslash":"x"}""", "$.with \"quotes\" and \\backslash", "int")]
    [InlineData("record", """{"name":"a","reference":"nope"}""", "$.reference", "Guid")]
    public void Wrong_values_name_the_path_and_the_expected_type(string shape, string json, string path, string expectedType)
    {
        (Func<string, object> ours, Func<string, object> stj) = Readers[shape];

        OciJsonException e = Assert.Throws<OciJsonException>(() => ours(json));

        Assert.Equal(path, e.JsonPath);
        Assert.Equal(expectedType, e.ExpectedType);
        Assert.Contains($"at {path} as {expectedType}:", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OciException>(e);
        Assert.ThrowsAny<JsonException>(() => stj(json));
    }

    [Theory]
    // Malformed and truncated documents: the path is where the reader was when the document broke.
    [InlineData("tree", """{"name":"r","children":[{"name":"a"},{"name":""", "$.children[1].name")]
    [InlineData("tree", """{"name":"r","children":[{"name":"a"},{"name":"b",""", "$.children[1]")]
    [InlineData("tree", """{"name":"r","children":[{"name":"a"},{"name":tru}]}""", "$.children[1].name")]
    [InlineData("tree", """{"name":"r","children":[{"name":"a"} {"name":"b"}]}""", "$.children[1]")]
    [InlineData("tree", """{"name":"r" "value":1}""", "$")]
    [InlineData("tree", """{"name":"r",}""", "$")]
    [InlineData("tree", """{"name":'r'}""", "$.name")]
    [InlineData("tree", """{"name":"unterminated}""", "$.name")]
    [InlineData("dictionaries", """{"definedTags":{"ns":{"key":}}}""", "$.definedTags['ns']['key']")]
    [InlineData("dictionaries", """{"definedTags":{"ns":{"key":[1,2}}}""", "$.definedTags['ns']['key']")]
    [InlineData("dictionaries", """{"definedTags":{"ns":{"key":""", "$.definedTags['ns']['key']")]
    [InlineData("dictionaries", """{"counts":{"a":1 "b":2}}""", "$.counts")]
    [InlineData("dictionaries", """{"deep":{"ns":{"key":["a",]}}}""", "$.deep['ns']['key'][1]")]
    [InlineData("arrays", """{"ints":[1,2,""", "$.ints[2]")]
    [InlineData("arrays", """{"ints":[1,2 3]}""", "$.ints[2]")]
    [InlineData("scalars", "", "$")]
    [InlineData("scalars", "{", "$")]
    [InlineData("scalars", """{"i32":01}""", "$.i32")]
    [InlineData("scalars", """{"f64":NaN}""", "$.f64")]
    [InlineData("scalars", "{} {}", "$")]
    [InlineData("scalars", "{}}", "$")]
    public void Malformed_documents_name_the_path(string shape, string json, string path)
    {
        (Func<string, object> ours, Func<string, object> stj) = Readers[shape];

        OciJsonException e = Assert.Throws<OciJsonException>(() => ours(json));

        Assert.Equal(path, e.JsonPath);
        Assert.False(string.IsNullOrEmpty(e.ExpectedType));
        Assert.Contains($"at {path} as {e.ExpectedType}:", e.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => stj(json));
    }

    [Fact]
    public void A_missing_required_member_names_the_member_and_the_type()
    {
        const string json = """{"compartmentId":"ocid1.compartment","lifecycleState":"ACTIVE","description":"d"}""";

        OciJsonException e = ReadError(json, G.OciRaw_Client_Tests_Json_RequiredMembers_Json.Read);

        Assert.Equal("RequiredMembers", e.ExpectedType);
        Assert.Equal("$", e.JsonPath);
        Assert.Contains("'limit'", e.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => StjRead<RequiredMembers>(json));
    }

    [Fact]
    public void The_first_missing_required_member_is_reported()
    {
        const string json = """{"lifecycleState":"ACTIVE","limit":1}""";

        OciJsonException e = ReadError(json, G.OciRaw_Client_Tests_Json_RequiredMembers_Json.Read);

        Assert.Contains("'compartmentId'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_members_that_are_present_but_null_are_accepted_like_System_Text_Json()
    {
        const string json = """{"compartmentId":null,"limit":0,"lifecycleState":"DELETED"}""";

        RequiredMembers value = Read(json, G.OciRaw_Client_Tests_Json_RequiredMembers_Json.Read);

        Assert.Null(value.CompartmentId);
        Assert.Equal(Status.Deleted, value.LifecycleState);
        Assert.Equal(Stj.Canonical(StjRead<RequiredMembers>(json)), Stj.Canonical(value));
    }

    [Fact]
    public void The_innermost_expected_type_is_kept_through_every_level()
    {
        const string json = """{"mapOfMapOfTrees":{"a":{"b":[{"next":{"named":{"x":{"children":[{"name":[]}]}}}}]}}}""";

        OciJsonException e = ReadError(json, G.OciRaw_Client_Tests_Json_DeepCollections_Json.Read);

        Assert.Equal("$.mapOfMapOfTrees['a']['b'][0].next.named['x'].children[0].name", e.JsonPath);
        Assert.Equal("string", e.ExpectedType);
        Assert.Equal($"Cannot read the JSON value at {e.JsonPath} as string: expected a string but found an array", e.Message);
    }

    [Fact]
    public void The_stack_trace_ends_in_the_reader_that_met_the_bad_value()
    {
        // DeepCollections -> dictionary -> dictionary -> list -> TreeNode -> TreeNode: the bad int is read by TreeNode's
        // reader, several levels below the one called. Each enclosing reader only adds its path segment and rethrows, so
        // the frames from the called reader down to TreeNode's reader (and the typed read below it) are all kept.
        const string json = """{"mapOfMapOfTrees":{"a":{"b":[{"children":[{"value":"bad"}]}]}}}""";

        OciJsonException e = ReadError(json, G.OciRaw_Client_Tests_Json_DeepCollections_Json.Read);

        var frames = new System.Diagnostics.StackTrace(e, fNeedFileInfo: false).GetFrames()
            .Select(frame => frame.GetMethod())
            .Select(method => $"{method?.DeclaringType?.Name}.{method?.Name}")
            .ToList();
        int failingReader = frames.IndexOf("OciRaw_Client_Tests_Json_TreeNode_Json.Read");
        int calledReader = frames.IndexOf("OciRaw_Client_Tests_Json_DeepCollections_Json.Read");
        Assert.True(failingReader >= 0, "TreeNode's reader is missing from the stack:\n" + string.Join("\n", frames));
        Assert.True(calledReader > failingReader, "the called reader must sit below the failing one:\n" + string.Join("\n", frames));
        Assert.Equal("$.mapOfMapOfTrees['a']['b'][0].children[0].value", e.JsonPath);
    }
}
