using System.Text.Json;
using HolderJson = OciRaw.Generated.OciRaw_Client_Tests_Json_EnumHolder_Json;
using LegacyJson = OciRaw.Generated.OciRaw_Client_Tests_Json_LegacyKind_Json;
using StatusJson = OciRaw.Generated.OciRaw_Client_Tests_Json_Status_Json;
using ColorJson = OciRaw.Generated.OciRaw_Client_Tests_Json_Color_Json;
using SwitchJson = OciRaw.Generated.OciRaw_Client_Tests_Json_AliasedSwitch_Json;
using static OciRaw.Client.Tests.Json.JsonTestSupport;

namespace OciRaw.Client.Tests.Json;

/// <summary>Enums are strings; unknown strings map to UnknownEnumValue where the enum has it and fail where it does not.</summary>
public sealed class EnumTests
{
    [Fact]
    public void Unknown_strings_map_to_UnknownEnumValue_in_every_position()
    {
        const string json = """{"status":"NEW_STATE","maybeStatus":"","statuses":["ACTIVE","FUTURE","DELETED"],"statusMap":{"a":"?","b":"INACTIVE"},"legacy":"legacy-z"}""";

        EnumHolder holder = Read(json, HolderJson.Read);

        Assert.Equal(Status.UnknownEnumValue, holder.Status);
        Assert.Equal(Status.UnknownEnumValue, holder.MaybeStatus);
        Assert.Equal([Status.Active, Status.UnknownEnumValue, Status.Deleted], holder.Statuses);
        Assert.Equal(Status.UnknownEnumValue, holder.StatusMap!["a"]);
        Assert.Equal(Status.Inactive, holder.StatusMap!["b"]);
        Assert.Equal(LegacyKind.UnknownEnumValue, holder.Legacy);
    }

    [Theory]
    [InlineData("""{"color":"PURPLE"}""", "$.color", "'PURPLE'")]
    [InlineData("""{"colors":["RED","Green-ish"]}""", "$.colors[1]", "'Green-ish'")]
    [InlineData("""{"color":""}""", "$.color", "''")]
    public void An_unknown_string_without_UnknownEnumValue_names_the_enum_and_the_path(string json, string path, string value)
    {
        OciJsonException e = ReadError(json, HolderJson.Read);

        Assert.Equal(path, e.JsonPath);
        Assert.Equal("Color", e.ExpectedType);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
        Assert.Contains("Color", e.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => StjRead<EnumHolder>(json));
    }

    [Fact]
    public void EnumMember_values_are_the_wire_strings()
    {
        Assert.Equal(LegacyKind.A, Read("\"legacy-a\"", LegacyJson.Read));
        Assert.Equal(LegacyKind.B, Read("\"LEGACY_B\"", LegacyJson.Read));
        Assert.Equal(LegacyKind.UnknownEnumValue, Read("\"A\"", LegacyJson.Read));
        Assert.Equal("\"legacy-a\"", Write(LegacyKind.A, LegacyJson.Write));
        Assert.Equal("LEGACY_B", LegacyJson.Format(LegacyKind.B));

        string holder = Write(new EnumHolder { Legacy = LegacyKind.B, Legacies = [LegacyKind.A, LegacyKind.B] }, HolderJson.Write);
        Assert.Contains("\"legacy\":\"LEGACY_B\",\"legacies\":[\"legacy-a\",\"LEGACY_B\"]", holder, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownEnumValue_and_undefined_values_are_never_written_as_members()
    {
        // Intentional difference: STJ writes "UnknownEnumValue" and numbers for undefined values.
        var holder = new EnumHolder { Status = Status.UnknownEnumValue, Color = (Color)0, MaybeStatus = (Status)99, Legacy = LegacyKind.UnknownEnumValue, Switch = AliasedSwitch.UnknownEnumValue };

        Assert.Equal("{}", Write(holder, HolderJson.Write));
        Assert.Equal("{}", Write(new EnumHolder { Color = (Color)0, MaybeStatus = Status.UnknownEnumValue }, HolderJson.Write));
        Assert.Equal("{\"maybeStatus\":\"DELETED\"}", Write(new EnumHolder { Color = (Color)0, MaybeStatus = Status.Deleted }, HolderJson.Write));
        Assert.Null(StatusJson.ToWire(Status.UnknownEnumValue));
        Assert.Null(ColorJson.ToWire((Color)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatusJson.Format(Status.UnknownEnumValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColorJson.Format((Color)42));
    }

    [Fact]
    public void Other_casings_are_accepted()
    {
        // Intentional leniency: STJ matches [JsonStringEnumMemberName] values case-sensitively and rejects these.
        EnumHolder holder = Read("""{"status":"active","color":"Blue-Ish","legacy":"Legacy-A"}""", HolderJson.Read);

        Assert.Equal(Status.Active, holder.Status);
        Assert.Equal(Color.Blue, holder.Color);
        Assert.Equal(LegacyKind.A, holder.Legacy);
    }

    [Theory]
    [InlineData("""{"status":1}""", "$.status", "Status")]
    [InlineData("""{"colors":[null]}""", "$.colors[0]", "Color")]
    [InlineData("""{"color":true}""", "$.color", "Color")]
    [InlineData("""{"colors":[{}]}""", "$.colors[0]", "Color")]
    public void Non_string_tokens_are_errors(string json, string path, string type)
    {
        // STJ accepts integers for enums; OCI sends strings, so OciRaw does not (an intentional difference).
        OciJsonException e = ReadError(json, HolderJson.Read);

        Assert.Equal(path, e.JsonPath);
        Assert.Equal(type, e.ExpectedType);
    }

    [Fact]
    public void A_null_nullable_enum_reads_as_null()
    {
        Assert.Null(Read("""{"maybeStatus":null}""", HolderJson.Read).MaybeStatus);
    }

    [Fact]
    public void Aliases_write_the_first_declared_name_and_read_every_name_like_System_Text_Json()
    {
        Assert.Equal("\"ON\"", Write(AliasedSwitch.Enabled, SwitchJson.Write));
        Assert.Equal(JsonSerializer.Serialize(AliasedSwitch.Enabled, Stj.Options), Write(AliasedSwitch.Enabled, SwitchJson.Write));
        Assert.Equal(AliasedSwitch.On, Read("\"ENABLED\"", SwitchJson.Read));
        Assert.Equal(AliasedSwitch.On, Read("\"ON\"", SwitchJson.Read));
        Assert.Equal(StjRead<AliasedSwitch>("\"ENABLED\""), Read("\"ENABLED\"", SwitchJson.Read));
        Assert.Equal("OFF", SwitchJson.Format(AliasedSwitch.Off));
    }

    [Fact]
    public void UnknownEnumValue_inside_a_collection_round_trips()
    {
        var holder = new EnumHolder { Statuses = [Status.Active, Status.UnknownEnumValue], StatusMap = new() { ["k"] = Status.UnknownEnumValue } };

        EnumHolder back = Read(Write(holder, HolderJson.Write), HolderJson.Read);

        Assert.Equal(holder.Statuses, back.Statuses);
        Assert.Equal(holder.StatusMap, back.StatusMap);
    }
}
