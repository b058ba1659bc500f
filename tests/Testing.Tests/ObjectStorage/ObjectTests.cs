using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageSession;

namespace OciRaw.Testing.Tests.ObjectStorage;

/// <summary>PutObject, GetObject, HeadObject, DeleteObject and RenameObject on the emulator, with OCI's headers and errors.</summary>
public sealed class ObjectTests
{
    private static readonly byte[] Hello = Encoding.ASCII.GetBytes("hello, object storage");

    [Fact]
    public async Task PutObject_then_GetObject_gives_back_the_bytes_content_headers_metadata_and_checksums()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        var content = new ByteArrayContent(Hello);
        content.Headers.ContentType = new("text/plain");
        content.Headers.ContentLanguage.Add("en");
        content.Headers.ContentEncoding.Add("identity");
        content.Headers.TryAddWithoutValidation("Content-Disposition", "attachment; filename=\"hello.txt\"");

        using HttpResponseMessage put = await session.PutObjectAsync("b", "greeting.txt", content,
            ("Cache-Control", "no-cache"), ("opc-meta-Owner", "alice"), ("opc-meta-purpose", "test"));
        await EnsureAsync(put, HttpStatusCode.OK);
        using HttpResponseMessage got = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "greeting.txt"));
        byte[] body = await got.Content.ReadAsByteArrayAsync();

        Assert.Equal(Md5Base64(Hello), Header(put, "opc-content-md5"));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Header(put, "etag"));
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal(Hello, body);
        Assert.Equal(Header(put, "etag"), Header(got, "etag"));
        Assert.Equal(Md5Base64(Hello), Header(got, "content-md5"));
        Assert.Equal(Hello.Length.ToString(CultureInfo.InvariantCulture), Header(got, "content-length"));
        Assert.Equal("text/plain", Header(got, "content-type"));
        Assert.Equal("en", Header(got, "content-language"));
        Assert.Equal("identity", Header(got, "content-encoding"));
        Assert.Equal("attachment; filename=\"hello.txt\"", Header(got, "content-disposition"));
        Assert.Equal("no-cache", Header(got, "cache-control"));
        Assert.Equal("alice", Header(got, "opc-meta-owner"));
        Assert.Equal("test", Header(got, "opc-meta-purpose"));
        Assert.Equal(Header(put, "last-modified"), Header(got, "last-modified"));
        Assert.True(DateTimeOffset.TryParseExact(Header(got, "last-modified"), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        Assert.Null(Header(got, "opc-multipart-md5"));
    }

    [Fact]
    public async Task PutObject_sent_by_the_signing_handler_signs_only_date_target_and_host()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        HttpClient tapped = session.Context.CreateHttp(null, null, out WireTapHandler tap);
        using var request = new HttpRequestMessage(HttpMethod.Put, session.ObjectPath("b", "o")) { Content = new ByteArrayContent(Hello) };
        request.SetOciSigningStrategy(OciSigningStrategy.ExcludeBody);

        using HttpResponseMessage response = await tapped.SendAsync(request);

        await EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal("date (request-target) host", tap.Sent.Single().AuthorizationParameter("headers"));
        Assert.Null(tap.Sent.Single().Header("x-content-sha256"));
    }

    [Fact]
    public async Task PutObject_signed_with_its_body_is_accepted_but_a_body_changed_after_signing_is_401_and_stores_nothing()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        using (HttpResponseMessage signedBody = await session.SendAsync(HttpMethod.Put, session.ObjectPath("b", "signed"), new ByteArrayContent(Hello)))
        {
            await EnsureAsync(signedBody, HttpStatusCode.OK);
        }

        byte[] forged = Hello.Select(b => (byte)(b ^ 1)).ToArray();
        HttpClient tampering = session.Context.CreateHttp(afterSigning: request =>
        {
            var replaced = new ByteArrayContent(forged);
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Content!.Headers)
            {
                replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = replaced;
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await tampering.PutAsync(session.ObjectPath("b", "forged"), new ByteArrayContent(Hello));

        await OciErrorAssert.IsNotAuthenticatedAsync(response);
        Assert.Contains(session.Emulator.AuthenticationFailures, f => f.Contains("x-content-sha256 does not match", StringComparison.Ordinal));
        using HttpResponseMessage absent = await session.SendAsync(HttpMethod.Head, session.ObjectPath("b", "forged"));
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Single(session.StoredFiles());
    }

    [Fact]
    public async Task PutObject_with_the_right_content_md5_is_stored_and_a_wrong_one_is_400_UnmatchedContentMD5()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string wrong = Md5Base64(Encoding.ASCII.GetBytes("something else"));

        using HttpResponseMessage right = await session.PutObjectAsync("b", "right", Hello, ("Content-MD5", Md5Base64(Hello)));
        using HttpResponseMessage refused = await session.PutObjectAsync("b", "wrong", Hello, ("Content-MD5", wrong));

        await EnsureAsync(right, HttpStatusCode.OK);
        string message = await OciErrorAssert.IsErrorAsync(refused, HttpStatusCode.BadRequest, "UnmatchedContentMD5");
        Assert.Contains(Md5Base64(Hello), message);
        Assert.Contains(wrong, message);
        using HttpResponseMessage absent = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "wrong"));
        await OciErrorAssert.IsErrorAsync(absent, HttpStatusCode.NotFound, "ObjectNotFound");
        Assert.Single(session.StoredFiles());
    }

    [Fact]
    public async Task PutObject_with_a_stale_if_match_is_412_IfMatchFailed_and_keeps_the_object()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string first = await session.PutAsync("b", "o", [1]);
        string second = await session.PutAsync("b", "o", [2], ("if-match", first));

        using HttpResponseMessage stale = await session.PutObjectAsync("b", "o", [3], ("if-match", first));

        await OciErrorAssert.IsErrorAsync(stale, HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        Assert.NotEqual(first, second);
        Assert.Equal([2], await session.GetBytesAsync("b", "o"));
        Assert.Single(session.StoredFiles());
    }

    [Fact]
    public async Task PutObject_with_if_none_match_star_creates_only_an_absent_object()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");

        using HttpResponseMessage created = await session.PutObjectAsync("b", "once", [1], ("if-none-match", "*"));
        using HttpResponseMessage refused = await session.PutObjectAsync("b", "once", [2], ("if-none-match", "*"));
        using HttpResponseMessage notStar = await session.PutObjectAsync("b", "other", [2], ("if-none-match", "some-etag"));

        await EnsureAsync(created, HttpStatusCode.OK);
        await OciErrorAssert.IsErrorAsync(refused, HttpStatusCode.PreconditionFailed, "IfNoneMatchFailed");
        await OciErrorAssert.IsErrorAsync(notStar, HttpStatusCode.BadRequest, "InvalidParameter");
        Assert.Equal([1], await session.GetBytesAsync("b", "once"));
    }

    [Fact]
    public async Task PutObject_into_a_missing_bucket_is_404_BucketNotFound_and_leaves_no_file()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();

        using HttpResponseMessage response = await session.PutObjectAsync("missing", "o", Hello);

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "BucketNotFound");
        Assert.Empty(session.StoredFiles());
    }

    [Theory]
    [InlineData("bytes=2-5", 206, "bytes 2-5/21", "llo,")]
    [InlineData("bytes=17-", 206, "bytes 17-20/21", "rage")]
    [InlineData("bytes=-4", 206, "bytes 17-20/21", "rage")]
    [InlineData("bytes=15-100", 206, "bytes 15-20/21", "torage")]
    public async Task GetObject_with_a_range_is_206_with_content_range_and_those_bytes(string range, int status, string contentRange, string expected)
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "o", Hello);

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "o"), headers: [new("range", range)]);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(contentRange, Header(response, "content-range"));
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(expected.Length.ToString(CultureInfo.InvariantCulture), Header(response, "content-length"));
    }

    [Fact]
    public async Task GetObject_with_a_range_past_the_end_is_416_InvalidRange()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "o", Hello);

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "o"), headers: [new("range", "bytes=21-30")]);

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.RequestedRangeNotSatisfiable, "InvalidRange");
        Assert.Equal("bytes */21", Header(response, "content-range"));
    }

    [Fact]
    public async Task GetObject_with_the_current_etag_in_if_none_match_is_304_and_a_stale_if_match_is_412()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string etag = await session.PutAsync("b", "o", Hello);

        using HttpResponseMessage notModified = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "o"), headers: [new("if-none-match", etag)]);
        using HttpResponseMessage modified = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "o"), headers: [new("if-none-match", "older")]);
        using HttpResponseMessage stale = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "o"), headers: [new("if-match", "older")]);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, Header(notModified, "etag"));
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        await OciErrorAssert.IsErrorAsync(stale, HttpStatusCode.PreconditionFailed, "IfMatchFailed");
    }

    [Fact]
    public async Task GetObject_query_parameters_override_the_response_headers()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "o", Hello);

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get,
            session.ObjectPath("b", "o") + "?httpResponseContentType=text%2Fcsv&httpResponseContentDisposition=inline&httpResponseCacheControl=max-age%3D60");

        Assert.Equal("text/csv", Header(response, "content-type"));
        Assert.Equal("inline", Header(response, "content-disposition"));
        Assert.Equal("max-age=60", Header(response, "cache-control"));
    }

    [Fact]
    public async Task HeadObject_answers_the_headers_of_GetObject_without_a_body()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string etag = await session.PutAsync("b", "o", Hello, ("opc-meta-k", "v"));

        using HttpResponseMessage head = await session.SendAsync(HttpMethod.Head, session.ObjectPath("b", "o"));
        using HttpResponseMessage missing = await session.SendAsync(HttpMethod.Head, session.ObjectPath("b", "nope"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, Header(head, "etag"));
        Assert.Equal("21", Header(head, "content-length"));
        Assert.Equal(Md5Base64(Hello), Header(head, "content-md5"));
        Assert.Equal("application/octet-stream", Header(head, "content-type"));
        Assert.Equal("v", Header(head, "opc-meta-k"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task DeleteObject_is_204_then_404_ObjectNotFound_and_a_stale_if_match_is_412()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string etag = await session.PutAsync("b", "o", Hello);

        using HttpResponseMessage stale = await session.SendAsync(HttpMethod.Delete, session.ObjectPath("b", "o"), headers: [new("if-match", "older")]);
        using HttpResponseMessage deleted = await session.SendAsync(HttpMethod.Delete, session.ObjectPath("b", "o"), headers: [new("if-match", etag)]);
        using HttpResponseMessage again = await session.SendAsync(HttpMethod.Delete, session.ObjectPath("b", "o"));
        using HttpResponseMessage get = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "o"));

        await OciErrorAssert.IsErrorAsync(stale, HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await OciErrorAssert.IsErrorAsync(again, HttpStatusCode.NotFound, "ObjectNotFound");
        string message = await OciErrorAssert.IsErrorAsync(get, HttpStatusCode.NotFound, "ObjectNotFound");
        Assert.Contains("'o'", message);
        Assert.Empty(session.StoredFiles());
    }

    [Theory]
    [InlineData("folder/sub/file.txt")]
    [InlineData("spaces and ünïcödé?.txt")]
    public async Task Object_names_with_slashes_and_escaped_characters_round_trip(string name)
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", name, Hello);

        using HttpResponseMessage list = await session.SendAsync(HttpMethod.Get, session.BucketPath("b") + "/o");
        JsonElement listed = JsonDocument.Parse(await EnsureAsync(list, HttpStatusCode.OK)).RootElement;

        Assert.Equal(Hello, await session.GetBytesAsync("b", name));
        Assert.Equal([name], listed.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_object_name_may_use_unescaped_slashes_in_the_path()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "a/b/c", Hello);

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, session.BucketPath("b") + "/o/a/b/c");

        Assert.Equal(Hello, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task RenameObject_moves_the_bytes_and_metadata_to_the_new_name_with_a_new_etag()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string etag = await session.PutAsync("b", "old", Hello, ("opc-meta-k", "v"));

        using HttpResponseMessage renamed = await session.SendJsonAsync(HttpMethod.Post, session.BucketPath("b") + "/actions/renameObject",
            $$"""{"sourceName": "old", "newName": "new", "srcObjIfMatchETag": "{{etag}}", "newObjIfNoneMatchETag": "*"}""");
        await EnsureAsync(renamed, HttpStatusCode.OK);
        using HttpResponseMessage got = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "new"));
        using HttpResponseMessage old = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "old"));

        Assert.Equal(Hello, await got.Content.ReadAsByteArrayAsync());
        Assert.Equal("v", Header(got, "opc-meta-k"));
        Assert.Equal(Header(renamed, "etag"), Header(got, "etag"));
        Assert.NotEqual(etag, Header(renamed, "etag"));
        await OciErrorAssert.IsErrorAsync(old, HttpStatusCode.NotFound, "ObjectNotFound");
    }

    [Fact]
    public async Task RenameObject_refuses_a_stale_source_etag_an_existing_target_under_if_none_match_and_a_missing_source()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "src", [1]);
        await session.PutAsync("b", "dst", [2]);
        string path = session.BucketPath("b") + "/actions/renameObject";

        using HttpResponseMessage staleSource = await session.SendJsonAsync(HttpMethod.Post, path, """{"sourceName": "src", "newName": "x", "srcObjIfMatchETag": "older"}""");
        using HttpResponseMessage existing = await session.SendJsonAsync(HttpMethod.Post, path, """{"sourceName": "src", "newName": "dst", "newObjIfNoneMatchETag": "*"}""");
        using HttpResponseMessage missing = await session.SendJsonAsync(HttpMethod.Post, path, """{"sourceName": "nope", "newName": "x"}""");

        await OciErrorAssert.IsErrorAsync(staleSource, HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        await OciErrorAssert.IsErrorAsync(existing, HttpStatusCode.PreconditionFailed, "IfNoneMatchFailed");
        Assert.Contains("'nope'", await OciErrorAssert.IsErrorAsync(missing, HttpStatusCode.NotFound, "ObjectNotFound"));
        Assert.Equal([1], await session.GetBytesAsync("b", "src"));
        Assert.Equal([2], await session.GetBytesAsync("b", "dst"));
    }

    [Fact]
    public async Task Disposing_the_emulator_deletes_every_object_file()
    {
        ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "o", Hello);
        string directory = session.Emulator.ObjectStorageDirectory;
        Assert.Single(Directory.GetFiles(directory));

        await session.DisposeAsync();

        Assert.False(Directory.Exists(directory), $"{directory} is left after the emulator was disposed.");
    }
}
