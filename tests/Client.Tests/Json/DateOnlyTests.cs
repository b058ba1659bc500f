using System.Text.Json;
using DatesJson = OciRaw.Generated.OciRaw_Client_Tests_Json_DateOnlyValues_Json;
using static OciRaw.Client.Tests.Json.JsonTestSupport;

namespace OciRaw.Client.Tests.Json;

/// <summary>
/// DateOnly is an RFC 3339 full-date, read and written as written (the differential tests compare it with System.Text.Json
/// over random values); these are the edges.
/// </summary>
public sealed class DateOnlyTests
{
    [Fact]
    public void A_date_comes_back_as_written_not_as_a_date_time()
    {
        const string json = """{"start":"2026-09-12","expiration":null,"renewals":["0001-01-01","9999-12-31"]}""";

        DateOnlyValues ours = Read(json, DatesJson.Read);

        Assert.Equal(new DateOnly(2026, 9, 12), ours.Start);
        Assert.Null(ours.Expiration);
        Assert.Equal([DateOnly.MinValue, DateOnly.MaxValue], ours.Renewals);
        Assert.Equal("""{"start":"2026-09-12","renewals":["0001-01-01","9999-12-31"]}""", Write(ours, DatesJson.Write));
    }

    [Theory]
    [InlineData("2026-09-12T00:00:00Z")]
    [InlineData("2026-9-12")]
    [InlineData("20260912")]
    [InlineData(" 2026-09-12")]
    [InlineData("2026-02-30")]
    public void Anything_but_a_full_date_is_refused_as_System_Text_Json_refuses_it(string text)
    {
        string json = $$"""{"start":"{{text}}"}""";

        OciJsonException error = ReadError(json, DatesJson.Read);

        Assert.Throws<JsonException>(() => StjRead<DateOnlyValues>(json));
        Assert.Equal("$.start", error.JsonPath);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_is_not_a_date()
    {
        OciJsonException error = ReadError("""{"renewals":["2026-09-12",20260912]}""", DatesJson.Read);

        Assert.Equal("$.renewals[1]", error.JsonPath);
        Assert.Equal("DateOnly", error.ExpectedType);
    }
}
