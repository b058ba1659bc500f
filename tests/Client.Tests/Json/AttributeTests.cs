using System.Text.Json;
using G = OciRaw.Generated;
using static OciRaw.Client.Tests.Json.JsonTestSupport;

namespace OciRaw.Client.Tests.Json;

/// <summary>
/// The System.Text.Json attributes generated code honours, and init-only members of types built through a constructor,
/// each against System.Text.Json on the documents where behaviour could differ (the random instances of
/// <see cref="DifferentialTests"/> always carry every member, so they never test a missing one).
/// </summary>
public sealed class AttributeTests
{
    [Fact]
    public void Members_are_written_in_JsonPropertyOrder_with_ties_in_declaration_order()
    {
        var value = new OrderedMembers { Last = "l", Middle = 1, First = "f", AlsoLast = true, Later = [2], State = Status.Active };

        string ours = Write(value, G.OciRaw_Client_Tests_Json_OrderedMembers_Json.Write);

        Assert.Equal("""{"first":"f","middle":1,"state":"ACTIVE","later":[2],"last":"l","alsoLast":true}""", ours);
        Assert.Equal(JsonSerializer.Serialize(value, Stj.Options), ours);
    }

    [Fact]
    public void JsonPropertyOrder_applies_to_constructor_parameters_too()
    {
        var value = new OrderedRecord("i", "n", 3) { Tags = ["t"] };

        string ours = Write(value, G.OciRaw_Client_Tests_Json_OrderedRecord_Json.Write);

        Assert.Equal("""{"rank":3,"tags":["t"],"name":"n","id":"i"}""", ours);
        Assert.Equal(JsonSerializer.Serialize(value, Stj.Options), ours);
    }

    [Theory]
    [InlineData("""{"items":[{"id":"a","name":"n","count":1,"state":"ACTIVE"},{"name":"n","count":1,"state":"ACTIVE"}]}""", "'id'")]
    [InlineData("""{"items":[{"id":"a","name":"n","count":1,"state":"ACTIVE"},{"id":"a","count":1,"state":"ACTIVE"}]}""", "'name'")]
    [InlineData("""{"items":[{"id":"a","name":"n","count":1,"state":"ACTIVE"},{"id":"a","name":"n","state":"ACTIVE"}]}""", "'count'")]
    [InlineData("""{"items":[{"id":"a","name":"n","count":1,"state":"ACTIVE"},{"id":"a","name":"n","count":1}]}""", "'state'")]
    public void A_missing_JsonRequired_member_is_an_error_naming_the_member_and_its_path(string json, string member)
    {
        OciJsonException e = ReadError(json, G.OciRaw_Client_Tests_Json_RequiredHolder_Json.Read);

        Assert.Equal("$.items[1]", e.JsonPath);
        Assert.Equal("JsonRequiredMembers", e.ExpectedType);
        Assert.Contains(member, e.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => StjRead<RequiredHolder>(json));
    }

    [Fact]
    public void JsonRequired_members_that_are_present_but_null_are_accepted_like_System_Text_Json()
    {
        const string json = """{"items":[{"id":"a","name":null,"count":0,"state":"DELETED"}]}""";

        RequiredHolder ours = Read(json, G.OciRaw_Client_Tests_Json_RequiredHolder_Json.Read);

        Assert.Null(ours.Items![0].Name);
        Assert.Equal(Stj.Canonical(StjRead<RequiredHolder>(json)), Stj.Canonical(ours));
    }

    [Fact]
    public void JsonInclude_members_are_read_and_written_like_System_Text_Json()
    {
        const string json = """
            {"fieldFirst":"blue-ish","internalSet":"s","internalProperty":7,"internalGet":8,"publicGetInternalSet":"ignored",
             "field":"f","readOnlyField":"changed","internalField":[1,2],"notIncluded":"ignored"}
            """;

        IncludedMembers ours = Read(json, G.OciRaw_Client_Tests_Json_IncludedMembers_Json.Read);
        IncludedMembers stj = StjRead<IncludedMembers>(json);

        Assert.Equal(Stj.Canonical(stj), Stj.Canonical(ours));
        Assert.Equal(Color.Blue, ours.FieldFirst);
        Assert.Equal("s", ours.InternalSet);
        Assert.Equal(7, ours.InternalProperty);
        Assert.Equal(8, ours.InternalGetValue);
        Assert.Equal("f", ours.Field);
        Assert.Equal([1, 2], ours.InternalField);
        // Readonly fields are written but not read; non-public setters without [JsonInclude] are not used; fields
        // without [JsonInclude] are not serialized. System.Text.Json agrees on each.
        Assert.Equal("fixed", ours.ReadOnlyField);
        Assert.Null(ours.PublicGetInternalSet);
        Assert.Null(ours.NotIncluded);
        Assert.Equal(Stj.Canonical(stj), Write(ours, G.OciRaw_Client_Tests_Json_IncludedMembers_Json.Write));
    }

    [Fact]
    public void A_public_setter_without_a_public_getter_is_read_and_never_written_like_System_Text_Json()
    {
        const string json = """{"secret":"s","count":4,"seen":"ignored"}""";

        SetterOnly ours = Read(json, G.OciRaw_Client_Tests_Json_SetterOnly_Json.Read);

        Assert.Equal("s/4", ours.Seen);
        Assert.Equal(Stj.Canonical(StjRead<SetterOnly>(json)), Stj.Canonical(ours));
        Assert.Equal("""{"seen":"s/4"}""", Write(ours, G.OciRaw_Client_Tests_Json_SetterOnly_Json.Write));
    }

    [Theory]
    [InlineData("""{"id":"i"}""")]
    [InlineData("""{"id":"i","name":"n"}""")]
    [InlineData("""{"size":1,"id":"i","tags":[]}""")]
    [InlineData("""{"id":"i","name":"n","size":0,"tags":["a"],"when":"2024-01-02T03:04:05+01:00"}""")]
    public void Init_only_members_missing_from_the_JSON_keep_their_initializers_when_built_through_a_constructor(string json)
    {
        CtorWithInitDefaults ours = Read(json, G.OciRaw_Client_Tests_Json_CtorWithInitDefaults_Json.Read);

        Assert.Equal(Stj.Canonical(StjRead<CtorWithInitDefaults>(json)), Stj.Canonical(ours));
    }

    [Fact]
    public void An_init_only_member_missing_from_the_JSON_keeps_its_initializer_not_its_default()
    {
        CtorWithInitDefaults ours = Read("""{"id":"i"}""", G.OciRaw_Client_Tests_Json_CtorWithInitDefaults_Json.Read);

        Assert.Equal("default-name", ours.Name);
        Assert.Equal(42, ours.Size);
        Assert.Equal(["t"], ours.Tags);
    }

    [Theory]
    [InlineData("""{"id":"i","kind":"k"}""")]
    [InlineData("""{"id":"i","kind":"k","label":"l"}""")]
    [InlineData("""{"kind":"k","note":"n"}""")]
    public void Init_only_members_missing_from_the_JSON_keep_what_the_constructor_body_set(string json)
    {
        CtorBodyInit ours = Read(json, G.OciRaw_Client_Tests_Json_CtorBodyInit_Json.Read);
        CtorBodyInit stj = StjRead<CtorBodyInit>(json);

        Assert.Equal(Stj.Canonical(stj), Stj.Canonical(ours));
        Assert.Equal(stj.Label, ours.Label);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"plain":1}""")]
    [InlineData("""{"label":"l"}""")]
    public void A_parameterless_constructor_body_is_kept_too(string json)
    {
        ParameterlessBodyInit ours = Read(json, G.OciRaw_Client_Tests_Json_ParameterlessBodyInit_Json.Read);

        Assert.Equal(Stj.Canonical(StjRead<ParameterlessBodyInit>(json)), Stj.Canonical(ours));
    }

    [Theory]
    [InlineData("""{"still":null}""")]
    [InlineData("""{"still":"s","name":"n"}""")]
    [InlineData("""{"count":9,"still":"s"}""")]
    public void SetsRequiredMembers_makes_required_members_optional_and_keeps_their_initializers(string json)
    {
        SetsRequired ours = Read(json, G.OciRaw_Client_Tests_Json_SetsRequired_Json.Read);

        Assert.Equal(Stj.Canonical(StjRead<SetsRequired>(json)), Stj.Canonical(ours));
    }

    [Fact]
    public void SetsRequiredMembers_leaves_JsonRequired_in_force()
    {
        OciJsonException e = ReadError("""{"name":"n"}""", G.OciRaw_Client_Tests_Json_SetsRequired_Json.Read);

        Assert.Contains("'still'", e.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => StjRead<SetsRequired>("""{"name":"n"}"""));
    }
}
