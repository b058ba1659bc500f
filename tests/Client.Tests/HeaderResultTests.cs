using System.Net;
using System.Text;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models.RealShapes;
using OciRaw.Client.Tests.TestSupport;

namespace OciRaw.Client.Tests;

/// <summary>
/// Header-bound result classes and <see cref="OciResponseHeaders"/>: every header kind read back (text, integers,
/// floating point, bool, enums, RFC 7231 and RFC 3339 dates, prefix maps, content headers), the status checked, and
/// bad or missing values reported by header and property.
/// </summary>
public sealed class HeaderResultTests
{
    private static IObjectStorageApi Api(CapturingHandler handler) => IObjectStorageApi.Create(handler.CreateClient());

    [Fact]
    public async Task GetObject_returns_the_stream_and_every_kind_of_header()
    {
        byte[] content = Encoding.UTF8.GetBytes("object bytes");
        using var handler = new CapturingHandler(_ => RawBodyTests.Answer(HttpStatusCode.OK, content, "application/pdf",
            ("etag", "\"abc\""), ("content-md5", "md5=="), ("last-modified", "Tue, 15 Nov 1994 08:12:31 GMT"),
            ("time-of-archival", "2026-09-12T10:15:30.123Z"), ("storage-tier", "Archive"), ("opc-multipart-md5", "mp-5"),
            ("OPC-META-Color", "blue"), ("opc-meta-size", "L"), ("opc-metadata", "not a meta entry"), ("content-range", "bytes 0-11/100")));

        using GetObjectResult result = await Api(handler).GetObjectAsync("ns", "b", "o", range: "bytes=0-11");

        Assert.Equal("bytes=0-11", handler.Last.Header("range"));
        Assert.Equal("\"abc\"", result.ETag);
        Assert.Equal(content.Length, result.ContentLength);
        Assert.Equal("application/pdf", result.ContentType);
        Assert.Equal("md5==", result.ContentMd5);
        Assert.Equal("bytes 0-11/100", result.ContentRange);
        Assert.Equal(new DateTimeOffset(1994, 11, 15, 8, 12, 31, TimeSpan.Zero), result.LastModified);
        Assert.Equal(new DateTimeOffset(2026, 9, 12, 10, 15, 30, 123, TimeSpan.Zero), result.TimeOfArchival);
        Assert.Equal(StorageTier.Archive, result.StorageTier);
        Assert.Equal("mp-5", result.OpcMultipartMd5);
        Assert.Null(result.IsNotModified);
        Assert.Equal(2, result.OpcMeta.Count);
        Assert.Equal("blue", result.OpcMeta["color"]);
        Assert.Equal("blue", result.OpcMeta["COLOR"]);
        Assert.Equal("L", result.OpcMeta["size"]);
        Assert.Equal("object bytes", await new StreamReader(result.Content).ReadToEndAsync());
    }

    [Fact]
    public async Task A_non_2xx_answer_is_an_OciServiceException_and_not_a_result()
    {
        using var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.NotFound, """{"code":"ObjectNotFound","message":"no such object"}""", ("opc-request-id", "R404")));

        var e = await Assert.ThrowsAsync<OciServiceException>(() => Api(handler).GetObjectAsync("ns", "b", "missing"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("ObjectNotFound", e.ServiceCode);
    }

    [Fact]
    public async Task HeadObject_reads_numbers_of_every_kind_and_enums_in_any_casing()
    {
        using var handler = new CapturingHandler(_ => RawBodyTests.Answer(HttpStatusCode.OK, [], null,
            ("last-modified", "2026-01-02T03:04:05+02:00"), ("x-replicas", "-3"), ("x-ratio", "1.5e3"), ("x-price", "12.345"),
            ("x-small", "255"), ("archival-state", "infrequentaccess"), ("Content-Length", "0"), ("opc-meta-a", "1")));

        HeadObjectResult result = await Api(handler).HeadObjectAsync("ns", "b", "o");

        Assert.Equal("HEAD", handler.Last.Method);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), result.LastModified);
        Assert.Equal(-3, result.Replicas);
        Assert.Equal(1500d, result.Ratio);
        Assert.Equal(12.345m, result.Price);
        Assert.Equal((byte)255, result.Small);
        Assert.Equal(StorageTier.InfrequentAccess, result.Tier);
        Assert.Equal(0, result.ContentLength);
        Assert.Null(result.ETag);
        Assert.Equal("1", Assert.Single(result.Metadata).Value);
    }

    [Theory]
    [InlineData("x-replicas", "three", "HeadObjectResult.Replicas", "an integer of type Int32")]
    [InlineData("x-small", "256", "HeadObjectResult.Small", "an integer of type Byte")]
    [InlineData("x-ratio", "1,5", "HeadObjectResult.Ratio", "a number of type Double")]
    [InlineData("archival-state", "Glacier", "HeadObjectResult.Tier", "a known StorageTier value")]
    [InlineData("last-modified", "yesterday", "HeadObjectResult.LastModified", "an RFC 7231 or RFC 3339 date")]
    public async Task A_header_that_does_not_fit_its_property_is_an_OciHeaderException(string header, string value, string member, string expected)
    {
        (string, string)[] headers = header == "last-modified" ? [(header, value)] : [("last-modified", "Tue, 15 Nov 1994 08:12:31 GMT"), (header, value)];
        using var handler = new CapturingHandler(_ => RawBodyTests.Answer(HttpStatusCode.OK, [], null, headers));

        var e = await Assert.ThrowsAsync<OciHeaderException>(() => Api(handler).HeadObjectAsync("ns", "b", "o"));

        Assert.Equal(header, e.HeaderName);
        Assert.Equal(member, e.Member);
        Assert.Contains($"'{value}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_header_of_a_non_nullable_property_is_an_OciHeaderException()
    {
        using var handler = new CapturingHandler(_ => RawBodyTests.Answer(HttpStatusCode.OK));

        var e = await Assert.ThrowsAsync<OciHeaderException>(() => Api(handler).HeadObjectAsync("ns", "b", "o"));

        Assert.Equal("last-modified", e.HeaderName);
        Assert.Contains("declare the property nullable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteObject_reads_a_204_into_headers_and_OciResponse_sees_content_headers()
    {
        using var handler = new CapturingHandler(_ => RawBodyTests.Answer(HttpStatusCode.NoContent, [], null,
            ("opc-request-id", "R1"), ("last-modified", "Tue, 15 Nov 1994 08:12:31 GMT"), ("is-delete-marker", "TRUE"), ("version-id", "v7")));
        IObjectStorageApi api = Api(handler);

        DeleteObjectResult result = await api.DeleteObjectAsync("ns", "b", "o", ifMatch: "\"e\"");
        OciResponse plain = await api.DeleteObjectPlainAsync("ns", "b", "o");

        Assert.Equal("DELETE", handler.Last.Method);
        Assert.Equal("R1", result.OpcRequestId);
        Assert.True(result.IsDeleteMarker);
        Assert.Equal("v7", result.VersionId);
        Assert.Equal(HttpStatusCode.NoContent, plain.StatusCode);
        Assert.Equal("R1", plain.OpcRequestId);
        Assert.Equal("Tue, 15 Nov 1994 08:12:31 GMT", plain.Headers["LAST-MODIFIED"]);
        Assert.Null(plain.OpcWorkRequestId);
    }

    [Fact]
    public void OciResponseHeaders_joins_repeated_values_reads_content_headers_and_enumerates_pairs()
    {
        using var response = RawBodyTests.Answer(HttpStatusCode.OK, [1, 2, 3], "application/octet-stream", ("x-multi", "a"), ("content-md5", "m=="));
        response.Headers.TryAddWithoutValidation("x-multi", "b");
        response.Headers.TryAddWithoutValidation("Server", "one two");
        response.Headers.TryAddWithoutValidation("Server", "three");

        var headers = new OciResponseHeaders(response);

        Assert.Equal("a, b", headers["X-Multi"]);
        Assert.Equal("one two, three", headers["server"]);
        Assert.Equal("m==", headers["Content-MD5"]);
        Assert.Equal("application/octet-stream", headers["content-type"]);
        Assert.Equal("3", headers["content-length"]); // computed for in-memory content, as sent for a network one
        Assert.Null(headers["x-absent"]);
        Assert.True(headers.Contains("x-multi"));
        Assert.False(headers.TryGetValue("x-absent", out _));
        Dictionary<string, string> all = headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("a, b", all["x-multi"]);
        Assert.Equal("m==", all["content-md5"]);
        Assert.Equal(5, all.Count);
    }
}
