using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageSession;

namespace OciRaw.Testing.Tests.ObjectStorage;

/// <summary>Multipart uploads: create, UploadPart, list parts, commit with the parts' ETags, abort.</summary>
public sealed class MultipartUploadTests
{
    [Fact]
    public async Task Commit_joins_the_parts_in_order_with_OCI_multipart_md5_and_keeps_the_created_headers()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        byte[][] parts = [Filled(1000, 1), Filled(700, 2), Filled(300, 3)];
        JsonElement upload = await CreateUploadAsync(session, "big.bin",
            """{"object": "big.bin", "contentType": "application/x-test", "metadata": {"opc-meta-Origin": "multipart"} }""");
        string uploadId = upload.GetProperty("uploadId").GetString()!;
        await UploadPartAsync(session, "big.bin", uploadId, 2, Filled(5, 9)); // replaced below: only the last upload of a part counts
        var etags = new Dictionary<int, string>();
        for (int i = 0; i < parts.Length; i++)
        {
            etags[i + 1] = await UploadPartAsync(session, "big.bin", uploadId, i + 1, parts[i]);
        }

        using HttpResponseMessage commit = await session.SendJsonAsync(HttpMethod.Post, $"{session.UploadPath("b", "big.bin")}?uploadId={uploadId}",
            JsonSerializer.Serialize(new { partsToCommit = new[] { 3, 1, 2 }.Select(n => new { partNum = n, etag = etags[n] }) }));
        await EnsureAsync(commit, HttpStatusCode.OK);
        using HttpResponseMessage got = await session.SendAsync(HttpMethod.Get, session.ObjectPath("b", "big.bin"));
        byte[] body = await got.Content.ReadAsByteArrayAsync();

        string expectedMd5 = ExpectedMultipartMd5(parts);
        Assert.Equal(expectedMd5, Header(commit, "opc-multipart-md5"));
        Assert.Equal([.. parts[0], .. parts[1], .. parts[2]], body);
        Assert.Equal(expectedMd5, Header(got, "opc-multipart-md5"));
        Assert.Null(Header(got, "content-md5"));
        Assert.Equal(Header(commit, "etag"), Header(got, "etag"));
        Assert.Equal("application/x-test", Header(got, "content-type"));
        Assert.Equal("multipart", Header(got, "opc-meta-origin"));
        Assert.Single(session.StoredFiles()); // the part files are gone
        using HttpResponseMessage list = await session.SendAsync(HttpMethod.Get, session.BucketPath("b") + "/o?fields=md5,size");
        JsonElement listed = JsonDocument.Parse(await EnsureAsync(list, HttpStatusCode.OK)).RootElement.GetProperty("objects")[0];
        Assert.Equal(expectedMd5, listed.GetProperty("md5").GetString());
        Assert.Equal(2000, listed.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task CreateMultipartUpload_answers_the_upload_and_ListParts_pages_the_parts_with_their_md5_and_size()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        JsonElement upload = await CreateUploadAsync(session, "o", """{"object": "o"}""");
        string uploadId = upload.GetProperty("uploadId").GetString()!;
        for (int n = 1; n <= 3; n++)
        {
            await UploadPartAsync(session, "o", uploadId, n, Filled(n * 10, (byte)n));
        }

        var parts = new List<JsonElement>();
        string? page = null;
        int pages = 0;
        do
        {
            using HttpResponseMessage response = await session.SendAsync(HttpMethod.Get,
                $"{session.UploadPath("b", "o")}?uploadId={uploadId}&limit=2" + (page is null ? string.Empty : "&page=" + page));
            parts.AddRange(JsonDocument.Parse(await EnsureAsync(response, HttpStatusCode.OK)).RootElement.Clone().EnumerateArray());
            page = Header(response, "opc-next-page");
            pages++;
        }
        while (page is not null);

        Assert.Equal("o", upload.GetProperty("object").GetString());
        Assert.Equal("b", upload.GetProperty("bucket").GetString());
        Assert.Equal(session.Namespace, upload.GetProperty("namespace").GetString());
        Assert.Equal(2, pages);
        Assert.Equal([1, 2, 3], parts.Select(p => p.GetProperty("partNumber").GetInt32()));
        Assert.Equal([10L, 20L, 30L], parts.Select(p => p.GetProperty("size").GetInt64()));
        Assert.Equal(Md5Base64(Filled(20, 2)), parts[1].GetProperty("md5").GetString());
    }

    [Fact]
    public async Task UploadPart_answers_the_part_md5_and_refuses_a_wrong_content_md5()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string uploadId = (await CreateUploadAsync(session, "o", """{"object": "o"}""")).GetProperty("uploadId").GetString()!;
        byte[] part = Filled(64, 4);

        using HttpResponseMessage ok = await session.SendAsync(HttpMethod.Put, $"{session.UploadPath("b", "o")}?uploadId={uploadId}&uploadPartNum=1",
            new ByteArrayContent(part), [new("Content-MD5", Md5Base64(part))], excludeBody: true);
        using HttpResponseMessage wrong = await session.SendAsync(HttpMethod.Put, $"{session.UploadPath("b", "o")}?uploadId={uploadId}&uploadPartNum=2",
            new ByteArrayContent(part), [new("Content-MD5", Md5Base64([1]))], excludeBody: true);

        await EnsureAsync(ok, HttpStatusCode.OK);
        Assert.Equal(Md5Base64(part), Header(ok, "opc-content-md5"));
        Assert.False(string.IsNullOrEmpty(Header(ok, "etag")));
        await OciErrorAssert.IsErrorAsync(wrong, HttpStatusCode.BadRequest, "UnmatchedContentMD5");
        Assert.Single(session.StoredFiles());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10001")]
    [InlineData("one")]
    public async Task UploadPart_with_a_part_number_outside_1_to_10000_is_400(string partNumber)
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string uploadId = (await CreateUploadAsync(session, "o", """{"object": "o"}""")).GetProperty("uploadId").GetString()!;

        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Put, $"{session.UploadPath("b", "o")}?uploadId={uploadId}&uploadPartNum={partNumber}",
            new ByteArrayContent([1]), excludeBody: true);

        Assert.Contains("uploadPartNum", await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidParameter"));
    }

    [Fact]
    public async Task Commit_refuses_a_stale_part_etag_and_a_part_left_unaccounted_and_accepts_partsToExclude()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string uploadId = (await CreateUploadAsync(session, "o", """{"object": "o"}""")).GetProperty("uploadId").GetString()!;
        string first = await UploadPartAsync(session, "o", uploadId, 1, [1]);
        string replaced = await UploadPartAsync(session, "o", uploadId, 1, [2]);
        string second = await UploadPartAsync(session, "o", uploadId, 2, [3]);
        string path = $"{session.UploadPath("b", "o")}?uploadId={uploadId}";

        using HttpResponseMessage stale = await session.SendJsonAsync(HttpMethod.Post, path, $$"""{"partsToCommit": [{"partNum": 1, "etag": "{{first}}"}, {"partNum": 2, "etag": "{{second}}"}]}""");
        using HttpResponseMessage unaccounted = await session.SendJsonAsync(HttpMethod.Post, path, $$"""{"partsToCommit": [{"partNum": 1, "etag": "{{replaced}}"}]}""");
        using HttpResponseMessage excluded = await session.SendJsonAsync(HttpMethod.Post, path, $$"""{"partsToCommit": [{"partNum": 1, "etag": "{{replaced}}"}], "partsToExclude": [2]}""");

        Assert.Contains("part 1", await OciErrorAssert.IsErrorAsync(stale, HttpStatusCode.BadRequest, "InvalidUploadPart"));
        Assert.Contains("2", await OciErrorAssert.IsErrorAsync(unaccounted, HttpStatusCode.BadRequest, "InvalidUploadPart"));
        await EnsureAsync(excluded, HttpStatusCode.OK);
        Assert.Equal([2], await session.GetBytesAsync("b", "o"));
        Assert.Single(session.StoredFiles());
    }

    [Fact]
    public async Task Commit_with_a_stale_if_match_is_412_and_the_upload_can_still_be_committed()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        await session.PutAsync("b", "o", [9]);
        string uploadId = (await CreateUploadAsync(session, "o", """{"object": "o"}""")).GetProperty("uploadId").GetString()!;
        string etag = await UploadPartAsync(session, "o", uploadId, 1, [1]);
        string path = $"{session.UploadPath("b", "o")}?uploadId={uploadId}";
        string details = $$"""{"partsToCommit": [{"partNum": 1, "etag": "{{etag}}"}]}""";

        using HttpResponseMessage stale = await session.SendJsonAsync(HttpMethod.Post, path, details, [new("if-match", "older")]);
        using HttpResponseMessage committed = await session.SendJsonAsync(HttpMethod.Post, path, details);

        await OciErrorAssert.IsErrorAsync(stale, HttpStatusCode.PreconditionFailed, "IfMatchFailed");
        await EnsureAsync(committed, HttpStatusCode.OK);
        Assert.Equal([1], await session.GetBytesAsync("b", "o"));
    }

    [Fact]
    public async Task Abort_ends_the_upload_and_deletes_its_parts()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");
        string uploadId = (await CreateUploadAsync(session, "o", """{"object": "o"}""")).GetProperty("uploadId").GetString()!;
        await UploadPartAsync(session, "o", uploadId, 1, Filled(100, 1));
        using (HttpResponseMessage notEmpty = await session.SendAsync(HttpMethod.Delete, session.BucketPath("b")))
        {
            await OciErrorAssert.IsErrorAsync(notEmpty, HttpStatusCode.Conflict, "BucketNotEmpty");
        }

        using HttpResponseMessage aborted = await session.SendAsync(HttpMethod.Delete, $"{session.UploadPath("b", "o")}?uploadId={uploadId}");
        using HttpResponseMessage parts = await session.SendAsync(HttpMethod.Get, $"{session.UploadPath("b", "o")}?uploadId={uploadId}");
        using HttpResponseMessage part = await session.SendAsync(HttpMethod.Put, $"{session.UploadPath("b", "o")}?uploadId={uploadId}&uploadPartNum=2",
            new ByteArrayContent([1]), excludeBody: true);

        Assert.Equal(HttpStatusCode.NoContent, aborted.StatusCode);
        await OciErrorAssert.IsErrorAsync(parts, HttpStatusCode.NotFound, "UploadNotFound");
        await OciErrorAssert.IsErrorAsync(part, HttpStatusCode.NotFound, "UploadNotFound");
        Assert.Empty(session.StoredFiles());
    }

    [Fact]
    public async Task CreateMultipartUpload_in_a_missing_bucket_is_404_and_metadata_keys_need_the_opc_meta_prefix()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("b");

        using HttpResponseMessage missing = await session.SendJsonAsync(HttpMethod.Post, session.BucketPath("none") + "/u", """{"object": "o"}""");
        using HttpResponseMessage badMetadata = await session.SendJsonAsync(HttpMethod.Post, session.BucketPath("b") + "/u", """{"object": "o", "metadata": {"owner": "x"}}""");

        await OciErrorAssert.IsErrorAsync(missing, HttpStatusCode.NotFound, "BucketNotFound");
        Assert.Contains("'owner'", await OciErrorAssert.IsErrorAsync(badMetadata, HttpStatusCode.BadRequest, "InvalidParameter"));
    }

    private static async Task<JsonElement> CreateUploadAsync(ObjectStorageSession session, string objectName, string json)
    {
        using HttpResponseMessage response = await session.SendJsonAsync(HttpMethod.Post, session.BucketPath("b") + "/u", json);
        JsonElement upload = JsonDocument.Parse(await EnsureAsync(response, HttpStatusCode.OK)).RootElement.Clone();
        Assert.Equal($"{session.UploadPath("b", objectName)}?uploadId={upload.GetProperty("uploadId").GetString()}", Header(response, "location"));
        return upload;
    }

    private static async Task<string> UploadPartAsync(ObjectStorageSession session, string objectName, string uploadId, int partNumber, byte[] content)
    {
        using HttpResponseMessage response = await session.SendAsync(HttpMethod.Put,
            $"{session.UploadPath("b", objectName)}?uploadId={uploadId}&uploadPartNum={partNumber.ToString(CultureInfo.InvariantCulture)}",
            new ByteArrayContent(content), excludeBody: true);
        await EnsureAsync(response, HttpStatusCode.OK);
        return Header(response, "etag")!;
    }

    /// <summary>OCI's definition, computed here independently: base64 MD5 over the parts' raw MD5 digests, then "-count".</summary>
    private static string ExpectedMultipartMd5(byte[][] parts)
    {
#pragma warning disable CA5351 // OCI's multipart checksum is MD5 by definition.
        byte[] digests = parts.SelectMany(MD5.HashData).ToArray();
        return Convert.ToBase64String(MD5.HashData(digests)) + "-" + parts.Length.ToString(CultureInfo.InvariantCulture);
#pragma warning restore CA5351
    }

    private static byte[] Filled(int length, byte value) => Enumerable.Repeat(value, length).ToArray();
}
