using System.Net;
using System.Text.Json;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageSession;

namespace OciRaw.Testing.Tests.ObjectStorage;

/// <summary>GetNamespace and the bucket operations of the emulated Object Storage, through raw signed requests.</summary>
public sealed class BucketTests
{
    [Fact]
    public async Task GetNamespace_answers_the_tenancy_namespace_as_a_JSON_string()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();

        using HttpResponseMessage withoutSlash = await session.SendAsync(HttpMethod.Get, "/n");
        string body = await EnsureAsync(withoutSlash, HttpStatusCode.OK);

        Assert.Equal("application/json", withoutSlash.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.String, JsonDocument.Parse(body).RootElement.ValueKind);
        Assert.Equal(session.Emulator.ObjectStorageNamespace(session.Context.Tenancy.TenancyId), JsonSerializer.Deserialize<string>(body));
        Assert.Matches("^[a-z0-9]{12}$", session.Namespace);
        Assert.Equal(session.Namespace, JsonSerializer.Deserialize<string>(body));
    }

    [Fact]
    public async Task CreateBucket_answers_the_bucket_with_its_etag_and_location_and_GetBucket_the_same()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();

        using HttpResponseMessage created = await session.SendJsonAsync(HttpMethod.Post, $"/n/{session.Namespace}/b",
            $$"""{"name": "photos", "compartmentId": "{{session.Context.Tenancy.TenancyId}}", "metadata": {"team": "blue"}, "freeformTags": {"env": "test"} }""");
        JsonElement bucket = JsonDocument.Parse(await EnsureAsync(created, HttpStatusCode.OK)).RootElement;

        Assert.Equal("photos", bucket.GetProperty("name").GetString());
        Assert.Equal(session.Namespace, bucket.GetProperty("namespace").GetString());
        Assert.Equal(session.Context.Tenancy.TenancyId, bucket.GetProperty("compartmentId").GetString());
        Assert.Equal(session.Context.Tenancy.UserId, bucket.GetProperty("createdBy").GetString());
        Assert.Equal("blue", bucket.GetProperty("metadata").GetProperty("team").GetString());
        Assert.Equal("test", bucket.GetProperty("freeformTags").GetProperty("env").GetString());
        Assert.Equal("NoPublicAccess", bucket.GetProperty("publicAccessType").GetString());
        Assert.Equal("Standard", bucket.GetProperty("storageTier").GetString());
        Assert.StartsWith("ocid1.bucket.oc1..", bucket.GetProperty("id").GetString());
        string etag = bucket.GetProperty("etag").GetString()!;
        Assert.Equal(etag, Header(created, "etag"));
        Assert.Equal($"/n/{session.Namespace}/b/photos", Header(created, "location"));

        using HttpResponseMessage fetched = await session.SendAsync(HttpMethod.Get, session.BucketPath("photos") + "?fields=approximateCount,approximateSize");
        JsonElement again = JsonDocument.Parse(await EnsureAsync(fetched, HttpStatusCode.OK)).RootElement;
        Assert.Equal(etag, Header(fetched, "etag"));
        Assert.Equal(0, again.GetProperty("approximateCount").GetInt64());
        Assert.Equal(0, again.GetProperty("approximateSize").GetInt64());
        using HttpResponseMessage head = await session.SendAsync(HttpMethod.Head, session.BucketPath("photos"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, Header(head, "etag"));
    }

    [Fact]
    public async Task GetBucket_counts_objects_and_bytes_when_asked_and_honours_if_none_match()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        string etag = (await session.CreateBucketAsync("b")).GetProperty("etag").GetString()!;
        await session.PutAsync("b", "one", new byte[10]);
        await session.PutAsync("b", "two", new byte[5]);

        using HttpResponseMessage counted = await session.SendAsync(HttpMethod.Get, session.BucketPath("b") + "?fields=approximateCount,approximateSize");
        JsonElement bucket = JsonDocument.Parse(await EnsureAsync(counted, HttpStatusCode.OK)).RootElement;
        using HttpResponseMessage plain = await session.SendAsync(HttpMethod.Get, session.BucketPath("b"));
        JsonElement uncounted = JsonDocument.Parse(await EnsureAsync(plain, HttpStatusCode.OK)).RootElement;
        using HttpResponseMessage notModified = await session.SendAsync(HttpMethod.Get, session.BucketPath("b"), headers: [new("if-none-match", etag)]);

        Assert.Equal(2, bucket.GetProperty("approximateCount").GetInt64());
        Assert.Equal(15, bucket.GetProperty("approximateSize").GetInt64());
        Assert.Equal(JsonValueKind.Null, uncounted.GetProperty("approximateCount").ValueKind);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task CreateBucket_twice_is_409_BucketAlreadyExists()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("twice");

        using HttpResponseMessage again = await session.SendJsonAsync(HttpMethod.Post, $"/n/{session.Namespace}/b",
            $$"""{"name": "twice", "compartmentId": "{{session.Context.Tenancy.TenancyId}}"}""");

        string message = await OciErrorAssert.IsErrorAsync(again, HttpStatusCode.Conflict, "BucketAlreadyExists");
        Assert.Contains("'twice'", message);
    }

    [Theory]
    [InlineData("""{"compartmentId": "TENANCY"}""", HttpStatusCode.BadRequest, "MissingParameter")]
    [InlineData("""{"name": "bad/name", "compartmentId": "TENANCY"}""", HttpStatusCode.BadRequest, "InvalidBucketName")]
    [InlineData("""{"name": "ok", "compartmentId": "ocid1.compartment.oc1..elsewhere"}""", HttpStatusCode.BadRequest, "RelatedResourceNotAuthorizedOrNotFound")]
    [InlineData("""[1, 2]""", HttpStatusCode.BadRequest, "CannotParseRequest")]
    public async Task CreateBucket_with_bad_details_is_refused_with_a_specific_code(string json, HttpStatusCode status, string code)
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();

        using HttpResponseMessage response = await session.SendJsonAsync(HttpMethod.Post, $"/n/{session.Namespace}/b", json.Replace("TENANCY", session.Context.Tenancy.TenancyId, StringComparison.Ordinal));

        await OciErrorAssert.IsErrorAsync(response, status, code);
    }

    [Fact]
    public async Task GetBucket_of_a_missing_bucket_is_404_BucketNotFound()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, session.BucketPath("nowhere"));

        string message = await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "BucketNotFound");
        Assert.Contains("'nowhere'", message);
        Assert.Contains(session.Namespace, message);
    }

    [Fact]
    public async Task ListBuckets_is_a_bare_array_by_name_paged_by_opc_next_page()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        foreach (string name in new[] { "e", "c", "a", "d", "b" })
        {
            await session.CreateBucketAsync(name);
        }

        var names = new List<string>();
        var pages = 0;
        string? page = null;
        do
        {
            string query = $"?compartmentId={session.Context.Tenancy.TenancyId}&limit=2" + (page is null ? string.Empty : "&page=" + Uri.EscapeDataString(page));
            using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, $"/n/{session.Namespace}/b{query}");
            JsonElement array = JsonDocument.Parse(await EnsureAsync(response, HttpStatusCode.OK)).RootElement;
            Assert.Equal(JsonValueKind.Array, array.ValueKind);
            Assert.True(array.GetArrayLength() <= 2);
            names.AddRange(array.EnumerateArray().Select(b => b.GetProperty("name").GetString()!));
            Assert.All(array.EnumerateArray(), b => Assert.False(b.TryGetProperty("metadata", out _), "BucketSummary has no metadata"));
            page = Header(response, "opc-next-page");
            pages++;
        }
        while (page is not null);

        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task DeleteBucket_is_409_BucketNotEmpty_until_its_objects_are_gone_then_204()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("full");
        await session.PutAsync("full", "thing", [1, 2, 3]);

        using HttpResponseMessage refused = await session.SendAsync(HttpMethod.Delete, session.BucketPath("full"));
        await OciErrorAssert.IsErrorAsync(refused, HttpStatusCode.Conflict, "BucketNotEmpty");
        using HttpResponseMessage objectDeleted = await session.SendAsync(HttpMethod.Delete, session.ObjectPath("full", "thing"));
        Assert.Equal(HttpStatusCode.NoContent, objectDeleted.StatusCode);
        using HttpResponseMessage deleted = await session.SendAsync(HttpMethod.Delete, session.BucketPath("full"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using HttpResponseMessage gone = await session.SendAsync(HttpMethod.Get, session.BucketPath("full"));
        await OciErrorAssert.IsErrorAsync(gone, HttpStatusCode.NotFound, "BucketNotFound");
    }

    [Fact]
    public async Task DeleteBucket_with_a_stale_if_match_is_412_and_keeps_the_bucket()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("kept");

        using HttpResponseMessage refused = await session.SendAsync(HttpMethod.Delete, session.BucketPath("kept"), headers: [new("if-match", "stale")]);

        await OciErrorAssert.IsErrorAsync(refused, HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        using HttpResponseMessage still = await session.SendAsync(HttpMethod.Get, session.BucketPath("kept"));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Another_tenancy_namespace_is_404_NamespaceNotFound()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        (TestTenancy other, HttpClient otherHttp, _) = session.Context.CreateOtherTenancy();
        string otherNamespace = session.Emulator.ObjectStorageNamespace(other.TenancyId);
        using (HttpResponseMessage created = await otherHttp.PostAsync($"/n/{otherNamespace}/b",
            new StringContent($$"""{"name": "theirs", "compartmentId": "{{other.TenancyId}}"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            await EnsureAsync(created, HttpStatusCode.OK);
        }

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get, $"/n/{otherNamespace}/b/theirs");

        Assert.NotEqual(session.Namespace, otherNamespace);
        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "NamespaceNotFound");
    }

    [Fact]
    public async Task CreateBucket_signed_without_its_body_is_401_because_only_PutObject_and_UploadPart_may_leave_it_out()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Post, $"/n/{session.Namespace}/b",
            new StringContent($$"""{"name": "x", "compartmentId": "{{session.Context.Tenancy.TenancyId}}"}""", System.Text.Encoding.UTF8, "application/json"),
            excludeBody: true);

        await OciErrorAssert.IsNotAuthenticatedAsync(response);
        Assert.Contains(session.Emulator.AuthenticationFailures, f => f.Contains("POST /n/{namespaceName}/b", StringComparison.Ordinal) && f.Contains("'content-length'", StringComparison.Ordinal));
    }
}
