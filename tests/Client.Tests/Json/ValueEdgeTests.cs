using System.Text.Json;
using G = OciRaw.Generated;
using static OciRaw.Client.Tests.Json.JsonTestSupport;

namespace OciRaw.Client.Tests.Json;

/// <summary>
/// Number, string and free-form edge cases read by both readers: each document is either rejected by both or read into
/// the same object by both. Also constructor defaults, nullable JsonElement and null handling in writes.
/// </summary>
public sealed class ValueEdgeTests
{
    public static TheoryData<string, string> NumberTexts()
    {
        string[] members = ["u8", "i8", "i16", "u16", "i32", "u32", "i64", "u64", "f32", "f64", "money"];
        string[] numbers =
        [
            "0", "-0", "1", "-1", "1.0", "1e2", "1E+2", "1e-2", "255", "256", "-128", "-129", "32767", "65535", "65536",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
            "3.4028235E+38", "3.5e38", "-3.5e38", "1e39", "1.7976931348623157e308", "1.8e308", "-1.8e308", "4.9e-324", "2e-400",
            "1e-50", "0.1", "0.30000000000000004", "79228162514264337593543950335", "79228162514264337593543950336",
            "-79228162514264337593543950335", "0.0000000000000000000000000001", "0.00000000000000000000000000001",
            "1.00000000000000000000000000000000000001", "123456789012345678901234567890.5", "1.5e28", "7.9228162514264337593543950335",
        ];
        var data = new TheoryData<string, string>();
        foreach (string member in members)
        {
            foreach (string number in numbers)
            {
                data.Add(member, number);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NumberTexts))]
    public void Numbers_are_accepted_and_rejected_exactly_as_System_Text_Json_does(string member, string number)
    {
        string json = $$"""{"{{member}}":{{number}}}""";
        Scalars? stj = null;
        try
        {
            stj = StjRead<Scalars>(json);
        }
        catch (JsonException)
        {
        }

        if (stj is null)
        {
            OciJsonException e = ReadError(json, G.OciRaw_Client_Tests_Json_Scalars_Json.Read);
            Assert.Equal("$." + member, e.JsonPath);
        }
        else
        {
            Scalars ours = Read(json, G.OciRaw_Client_Tests_Json_Scalars_Json.Read);
            // Both readers give infinity for a float or double beyond the range (an STJ behaviour, kept).
            Assert.Equal(Stj.CanonicalWithInfinities(stj), Stj.CanonicalWithInfinities(ours));
        }
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"\\u0000\\u001f\\\"\\\\\\/\\b\\f\\n\\r\\t\"")]
    [InlineData("\"\\ud83d\\ude00 \\u00e9 \\u4e2d\"")]
    [InlineData("\"😀é中\"")]
    [InlineData("\"\\u2028\\u2029\"")]
    public void Escaped_strings_read_like_System_Text_Json(string text)
    {
        string json = $$"""{"text":{{text}}}""";
        Assert.Equal(StjRead<Scalars>(json).Text, Read(json, G.OciRaw_Client_Tests_Json_Scalars_Json.Read).Text);

        string tree = $$"""{"name":{{text}},"named":{ {{text}}:{"name":{{text}}} } }""";
        Assert.Equal(Stj.Canonical(StjRead<TreeNode>(tree)), Stj.Canonical(Read(tree, G.OciRaw_Client_Tests_Json_TreeNode_Json.Read)));
    }

    [Fact]
    public void Lone_surrogates_are_rejected_when_reading_like_System_Text_Json()
    {
        const string json = """{"name":"\ud800"}""";

        Assert.ThrowsAny<JsonException>(() => StjRead<TreeNode>(json));
        ReadError(json, G.OciRaw_Client_Tests_Json_TreeNode_Json.Read);
    }

    [Fact]
    public void Missing_constructor_members_take_the_parameter_defaults()
    {
        CtorDefaults ours = Read("""{"id":"x"}""", G.OciRaw_Client_Tests_Json_CtorDefaults_Json.Read);
        CtorDefaults stj = StjRead<CtorDefaults>("""{"id":"x"}""");
        var expected = new CtorDefaults("x");

        Assert.Equal(expected, stj);
        Assert.Equal(expected.Retries, ours.Retries);
        Assert.Equal(expected.Floor, ours.Floor);
        Assert.Equal(expected.Ceiling, ours.Ceiling);
        Assert.Equal(expected.Big, ours.Big);
        Assert.Equal(expected.Precise, ours.Precise);
        Assert.Equal(expected.Precise.Scale, ours.Precise.Scale);
        Assert.Equal(expected.Negative, ours.Negative);
        Assert.Equal(expected.Ratio, ours.Ratio);
        Assert.True(double.IsNaN(ours.NotANumber));
        Assert.Equal(float.NegativeInfinity, ours.Infinite);
        Assert.Equal(0.1f, ours.Tenth);
        Assert.Equal(Plain.Delta, ours.Mode);
        Assert.Equal(Plain.Delta, ours.MaybeMode);
        Assert.Null(ours.MaybeColor);
        Assert.Equal("d\"q\\", ours.Note);
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void Present_constructor_members_override_the_defaults()
    {
        const string json = """{"id":"x","retries":7,"mode":"Alpha","maybeMode":null,"maybeColor":"RED","note":null,"precise":1.5}""";

        CtorDefaults ours = Read(json, G.OciRaw_Client_Tests_Json_CtorDefaults_Json.Read);

        Assert.Equal(StjRead<CtorDefaults>(json), ours);
        Assert.Equal(7, ours.Retries);
        Assert.Null(ours.MaybeMode);
        Assert.Equal(Color.Red, ours.MaybeColor);
    }

    [Theory]
    [InlineData("""{"value":null,"always":null}""")]
    [InlineData("""{"value":{"a":[1,null]},"always":[null]}""")]
    [InlineData("""{"value":"s","always":1.50}""")]
    [InlineData("""{}""")]
    public void A_nullable_JsonElement_reads_JSON_null_as_null_like_System_Text_Json(string json)
    {
        NullableElement ours = Read(json, G.OciRaw_Client_Tests_Json_NullableElement_Json.Read);
        NullableElement stj = StjRead<NullableElement>(json);

        Assert.Equal(stj.Value.HasValue, ours.Value.HasValue);
        Assert.Equal(stj.Value?.GetRawText(), ours.Value?.GetRawText());
        Assert.Equal(stj.Always.ValueKind, ours.Always.ValueKind);
        if (stj.Always.ValueKind != JsonValueKind.Undefined)
        {
            Assert.Equal(stj.Always.GetRawText(), ours.Always.GetRawText());
        }
    }

    [Fact]
    public void A_default_JsonElement_member_is_left_out()
    {
        // Intentional difference: STJ cannot write default(JsonElement) at all (it throws).
        Assert.Equal("{}", Write(new NullableElement(), G.OciRaw_Client_Tests_Json_NullableElement_Json.Write));
        Assert.ThrowsAny<InvalidOperationException>(() => JsonSerializer.Serialize(new NullableElement(), Stj.Options));
    }

    [Fact]
    public void Nulls_inside_collections_and_dictionaries_are_written_like_System_Text_Json()
    {
        // WhenWritingNull applies to members only: null items and dictionary values stay.
        var value = new Dictionaries
        {
            NullableValues = new() { ["a"] = null, ["b"] = "" },
            ArraysByKey = new Dictionary<string, int?[]> { ["k"] = [null, 1] },
        };

        string ours = Write(value, G.OciRaw_Client_Tests_Json_Dictionaries_Json.Write);

        Assert.Equal(JsonSerializer.Serialize(value, Stj.Options), ours);
        Assert.Equal("""{"nullableValues":{"a":null,"b":""},"arraysByKey":{"k":[null,1]}}""", ours);
    }

    [Fact]
    public void Members_are_set_as_they_are_read_and_a_setter_that_refuses_fails_the_read_at_its_member()
    {
        // Set in place, as System.Text.Json does: a missing member keeps what the constructor gave it.
        ValidatingSetter read = Read("""{"host":"h"}""", G.OciRaw_Client_Tests_Json_ValidatingSetter_Json.Read);
        Assert.Equal((443, "h"), (read.Port, read.Host));
        Assert.Equal(8080, Read("""{"port":8080}""", G.OciRaw_Client_Tests_Json_ValidatingSetter_Json.Read).Port);

        OciJsonException error = ReadError("""{"host":"h","port":70000}""", G.OciRaw_Client_Tests_Json_ValidatingSetter_Json.Read);
        Assert.Equal("$.port", error.JsonPath);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("70000", error.InnerException!.Message, StringComparison.Ordinal);
    }
}
