using System.Globalization;
using System.Text.Json;
using ScalarsJson = OciRaw.Generated.OciRaw_Client_Tests_Json_Scalars_Json;
using static OciRaw.Client.Tests.Json.JsonTestSupport;

namespace OciRaw.Client.Tests.Json;

/// <summary>RFC 3339 date-times: any fraction length, <c>Z</c> or an offset, into DateTimeOffset and DateTime.</summary>
public sealed class DateTimeTests
{
    private static readonly DateTime Base = new(2024, 2, 29, 23, 59, 58);

    public static TheoryData<int, string> FractionsAndOffsets()
    {
        var data = new TheoryData<int, string>();
        foreach (string offset in new[] { "Z", "+05:30", "-08:00", "+00:00", "+14:00", "-14:00", "-00:00" })
        {
            for (int digits = 0; digits <= 9; digits++)
            {
                data.Add(digits, offset);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FractionsAndOffsets))]
    public void Fractions_of_any_length_and_any_offset_read_as_DateTimeOffset(int digits, string offset)
    {
        string fraction = "987654321"[..digits];
        string text = Base.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (digits > 0 ? "." + fraction : "") + offset;
        TimeSpan expectedOffset = offset == "Z" ? TimeSpan.Zero : TimeSpan.ParseExact(offset[1..], @"hh\:mm", CultureInfo.InvariantCulture) * (offset[0] == '-' ? -1 : 1);
        // Ticks have 7 digits; further digits are truncated, as System.Text.Json does.
        long fractionTicks = digits == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        var expected = new DateTimeOffset(Base.AddTicks(fractionTicks), expectedOffset);

        Scalars ours = Read($$"""{"when":"{{text}}","stamp":"{{text}}"}""", ScalarsJson.Read);

        Assert.Equal(expected, ours.When);
        Assert.Equal(expected.Offset, ours.When.Offset);
        Assert.Equal(expected.UtcDateTime, ours.Stamp.ToUniversalTime());
        Assert.Equal(offset == "Z" ? DateTimeKind.Utc : DateTimeKind.Local, ours.Stamp.Kind);
        Scalars stj = StjRead<Scalars>($$"""{"when":"{{text}}","stamp":"{{text}}"}""");
        Assert.Equal(stj.When, ours.When);
        Assert.Equal(stj.When.Offset, ours.When.Offset);
        Assert.Equal(stj.Stamp, ours.Stamp);
        Assert.Equal(stj.Stamp.Kind, ours.Stamp.Kind);
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05Z", DateTimeKind.Utc)]
    [InlineData("2024-01-02T03:04:05.1234567Z", DateTimeKind.Utc)]
    [InlineData("2024-01-02T03:04:05+05:30", DateTimeKind.Local)]
    [InlineData("2024-01-02T03:04:05.5-08:00", DateTimeKind.Local)]
    [InlineData("2024-01-02T03:04:05", DateTimeKind.Unspecified)]
    [InlineData("2024-01-02T03:04:05.123456789", DateTimeKind.Unspecified)]
    public void DateTime_kind_follows_the_offset_like_System_Text_Json(string text, DateTimeKind kind)
    {
        string json = $$"""{"stamp":"{{text}}"}""";

        DateTime ours = Read(json, ScalarsJson.Read).Stamp;

        Assert.Equal(kind, ours.Kind);
        DateTime stj = StjRead<Scalars>(json).Stamp;
        Assert.Equal(stj, ours);
        Assert.Equal(stj.Kind, ours.Kind);
    }

    [Theory]
    [InlineData("2024-01-02t03:04:05z")]
    [InlineData("2024-01-02T03:04:05.123z")]
    [InlineData("2024-01-02t03:04:05.123456789+01:00")]
    public void Lower_case_t_and_z_are_accepted_as_RFC_3339_allows(string text)
    {
        // An intentional extension: System.Text.Json rejects these, and reads the upper-case form (which is the oracle,
        // fraction rounding included) exactly as we read the lower-case one.
        string upper = text.ToUpperInvariant();
        Scalars expected = StjRead<Scalars>($$"""{"when":"{{upper}}","stamp":"{{upper}}"}""");

        Scalars ours = Read($$"""{"when":"{{text}}","stamp":"{{text}}"}""", ScalarsJson.Read);

        Assert.Equal(expected.When, ours.When);
        Assert.Equal(expected.When.Offset, ours.When.Offset);
        Assert.Equal(expected.Stamp, ours.Stamp);
        Assert.Equal(expected.Stamp.Kind, ours.Stamp.Kind);
    }

    [Theory]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-02T24:00:01Z")]
    [InlineData("2024-01-02T03:04:05+25:00")]
    [InlineData("")]
    [InlineData("not a date")]
    public void Invalid_dates_are_errors(string text)
    {
        OciJsonException e = ReadError($$"""{"when":"{{text}}"}""", ScalarsJson.Read);

        Assert.Equal("$.when", e.JsonPath);
        Assert.Equal("DateTimeOffset", e.ExpectedType);
        Assert.ThrowsAny<JsonException>(() => StjRead<Scalars>($$"""{"when":"{{text}}"}"""));
    }

    [Theory]
    [InlineData("01/02/2024 03:04:05")]
    [InlineData("Tue, 02 Jan 2024 03:04:05 GMT")]
    [InlineData("2024-01-02 03:04:05Z")]
    public void Dates_that_are_not_RFC_3339_are_errors(string text)
    {
        OciJsonException e = ReadError($$"""{"when":"{{text}}"}""", ScalarsJson.Read);

        Assert.Equal("DateTimeOffset", e.ExpectedType);
    }

    [Fact]
    public void Writes_round_trip_offsets_and_kinds()
    {
        var value = new Scalars
        {
            When = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(-570)).AddTicks(1),
            Stamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
        };

        string json = Write(value, ScalarsJson.Write);
        Scalars back = Read(json, ScalarsJson.Read);

        Assert.Contains("\"when\":\"2024-01-02T03:04:05.0000001-09:30\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stamp\":\"2024-01-02T03:04:05\"", json, StringComparison.Ordinal);
        Assert.Equal(value.When, back.When);
        Assert.Equal(value.When.Offset, back.When.Offset);
        Assert.Equal(DateTimeKind.Unspecified, back.Stamp.Kind);
    }
}
