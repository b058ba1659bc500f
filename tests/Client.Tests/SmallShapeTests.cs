using System.Net;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models;
using OciRaw.Client.Tests.TestSupport;

namespace OciRaw.Client.Tests;

/// <summary>
/// Issue 9 item 5 through a capturing handler: HEAD routes, DateOnly, CSV query collections, JSON string bodies for
/// Task&lt;string&gt;, full-precision query date-times, and object names that System.Uri would canonicalize.
/// </summary>
public sealed class SmallShapeTests
{
    private const string Base = "https://svc.example.com";

    // ---- Task<string> ----

    [Theory]
    [InlineData("\"axaxnpcrorw5\"", "application/json", "axaxnpcrorw5")]
    [InlineData(" \"a\\u0062c\\n\" ", "application/json; charset=utf-8", "abc\n")]
    [InlineData("\"name\"", "application/problem+json", "name")]
    [InlineData("\"name\"", "text/plain", "\"name\"")]
    [InlineData("{\"name\":\"x\"}", "application/json", "{\"name\":\"x\"}")]
    [InlineData("\"a\" \"b\"", "application/json", "\"a\" \"b\"")]
    [InlineData("\"unterminated", "application/json", "\"unterminated")]
    [InlineData("plain text", "application/json", "plain text")]
    public async Task Task_of_string_gives_a_JSON_string_body_as_its_value_and_anything_else_as_text(string body, string contentType, string expected)
    {
        using CapturingHandler handler = new(_ =>
        {
            HttpResponseMessage response = CapturingHandler.Respond(HttpStatusCode.OK, body, "text/plain");
            response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            return response;
        });

        string value = await IObjectStorage.Create(handler.CreateClient()).GetNamespaceAsync();

        Assert.Equal(expected, value);
        Assert.Equal(("GET", $"{Base}/n"), (handler.Last.Method, handler.Last.Uri));
    }

    // ---- CSV and multi query collections ----

    [Fact]
    public async Task Csv_joins_the_items_with_commas()
    {
        using CapturingHandler handler = new(_ => CapturingHandler.Json(HttpStatusCode.OK, """{"name":"b","approximateCount":7}"""));

        Bucket bucket = await IObjectStorage.Create(handler.CreateClient()).GetBucketAsync("ns", "b", [BucketField.ApproximateCount, BucketField.ApproximateSize]);

        Assert.Equal($"{Base}/n/ns/b/b?fields=approximateCount,approximateSize", handler.Last.Uri);
        Assert.Equal(7, bucket.ApproximateCount);
    }

    [Fact]
    public async Task Csv_escapes_each_item_leaves_out_nulls_and_an_empty_collection_and_keeps_multi_repeated()
    {
        using CapturingHandler handler = new(_ => CapturingHandler.Json(HttpStatusCode.OK, "\"ok\""));
        IObjectStorage api = IObjectStorage.Create(handler.CreateClient());

        await api.ListObjectsAsync("ns", "b", fields: ["name", null, "a,b", "size"], prefix: ["x/", "y"], start: "k");
        await api.ListObjectsAsync("ns", "b", fields: [], prefix: []);
        await api.ListObjectsAsync("ns", "b", fields: [null]);

        Assert.Equal(
            [
                $"{Base}/n/ns/b/b/o?fields=name,a%2Cb,size&prefix=x%2F&prefix=y&start=k",
                $"{Base}/n/ns/b/b/o",
                $"{Base}/n/ns/b/b/o",
            ],
            handler.Requests.Select(r => r.Uri));
    }

    // ---- HEAD ----

    [Fact]
    public async Task Head_sends_a_HEAD_and_hands_back_the_headers()
    {
        using CapturingHandler handler = new(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
            response.Headers.TryAddWithoutValidation("etag", "\"e1\"");
            response.Content.Headers.TryAddWithoutValidation("content-length", "1048576");
            return response;
        });

        using HttpResponseMessage head = await IObjectStorage.Create(handler.CreateClient()).HeadObjectAsync("ns", "b", "photos/cat.jpg");

        Assert.Equal(("HEAD", $"{Base}/n/ns/b/b/o/photos%2Fcat.jpg"), (handler.Last.Method, handler.Last.Uri));
        Assert.Empty(handler.Last.Body);
        Assert.Equal("\"e1\"", head.Headers.ETag!.Tag);
        Assert.Equal(1048576, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Head_without_a_result_still_checks_the_status()
    {
        using CapturingHandler handler = new(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) });

        OciServiceException error = await Assert.ThrowsAsync<OciServiceException>(() => IObjectStorage.Create(handler.CreateClient()).HeadBucketAsync("ns", "missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("HEAD", handler.Last.Method);
    }

    // ---- object names that are dot segments ----

    [Theory]
    [InlineData(".", "%2E")]
    [InlineData("..", "%2E%2E")]
    [InlineData("...", "...")]
    [InlineData("a/../b", "a%2F..%2Fb")]
    public async Task Dot_segment_object_names_are_sent_escaped_as_written(string objectName, string segment)
    {
        using CapturingHandler handler = new(_ => CapturingHandler.Json(HttpStatusCode.OK, "\"x\""));

        await IObjectStorage.Create(handler.CreateClient()).GetObjectTextAsync("ns", "b", objectName);

        Assert.Equal($"{Base}/n/ns/b/b/o/{segment}", handler.Last.Uri);
    }

    [Fact]
    public async Task A_dot_segment_stays_escaped_on_every_page()
    {
        using CapturingHandler handler = new(request => request.Uri.Contains("page=", StringComparison.Ordinal)
            ? CapturingHandler.Json(HttpStatusCode.OK, """[{"id":"v2"}]""")
            : CapturingHandler.Json(HttpStatusCode.OK, """[{"id":"v1"}]""", ("opc-next-page", "n/2")));

        List<ContainerInstanceSummary> versions = await IObjectStorage.Create(handler.CreateClient()).ListVersionsAsync("ns", "b", "..").ToListAsync();

        Assert.Equal(["v1", "v2"], versions.Select(v => v.Id));
        Assert.Equal([$"{Base}/n/ns/b/b/o/%2E%2E/versions", $"{Base}/n/ns/b/b/o/%2E%2E/versions?page=n%2F2"], handler.Requests.Select(r => r.Uri));
    }

    // ---- DateOnly and date-times ----

    [Fact]
    public async Task DateOnly_goes_as_a_full_date_in_path_query_and_body_and_comes_back_as_written()
    {
        using CapturingHandler handler = new(request => CapturingHandler.Json(HttpStatusCode.OK,
            request.Method == "GET" ? "[]" : """{"id":"lr1","expirationDate":"2026-09-12","startDate":"0001-01-01"}"""));
        ILicenseManager api = ILicenseManager.Create(handler.CreateClient());

        await api.ListExpiringAsync(new DateOnly(2026, 9, 12), before: new DateOnly(2027, 1, 1));
        LicenseRecord updated = await api.UpdateLicenseRecordAsync("lr1", new LicenseRecord { Id = "lr1", ExpirationDate = new DateOnly(2026, 9, 12), StartDate = new DateOnly(2025, 9, 12) });

        Assert.Equal($"{Base}/20220430/expirations/2026-09-12?before=2027-01-01", handler.Requests[0].Uri);
        Assert.Equal("""{"id":"lr1","expirationDate":"2026-09-12","startDate":"2025-09-12"}""", handler.Requests[1].BodyText);
        Assert.Equal(new DateOnly(2026, 9, 12), updated.ExpirationDate);
        Assert.Equal(DateOnly.MinValue, updated.StartDate);
    }

    [Theory]
    [InlineData(0, 0, "2026-01-02T03:04:05Z")]
    [InlineData(-5, 0, "2026-01-02T08:04:05Z")]
    [InlineData(9.5, 6_780_000, "2026-01-01T17:34:05.678Z")]
    [InlineData(0, 1_234_567, "2026-01-02T03:04:05.1234567Z")]
    [InlineData(0, 1, "2026-01-02T03:04:05.0000001Z")]
    [InlineData(0, 5_000_000, "2026-01-02T03:04:05.5Z")]
    public async Task Query_date_times_keep_every_digit_the_value_has(double offsetHours, long extraTicks, string expected)
    {
        using CapturingHandler handler = new(_ => CapturingHandler.Json(HttpStatusCode.OK, "[]"));
        var since = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(offsetHours)).AddTicks(extraTicks);

        await ILicenseManager.Create(handler.CreateClient()).ListExpiringAsync(new DateOnly(2026, 1, 1), since: since, until: since.UtcDateTime);

        string escaped = expected.Replace(":", "%3A", StringComparison.Ordinal);
        Assert.Equal($"{Base}/20220430/expirations/2026-01-01?since={escaped}&until={escaped}", handler.Last.Uri);
        Assert.Equal(since, DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}
