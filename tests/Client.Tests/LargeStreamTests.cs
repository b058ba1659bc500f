using System.Security.Cryptography;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models.RealShapes;
using OciRaw.Client.Tests.TestSupport;
using Xunit.Abstractions;

namespace OciRaw.Client.Tests;

/// <summary>Tests that measure the process's managed memory run alone, after every other test class.</summary>
[CollectionDefinition(nameof(MemoryMeasuredTests), DisableParallelization = true)]
public sealed class MemoryMeasuredTests;

/// <summary>
/// 1 GiB through the generated Object Storage client, OciSigningHandler (body excluded from the signature) and a real
/// loopback socket, each way, with the peak managed memory measured while it runs. The body is generated as it is
/// read and checked as it arrives, so neither end holds it.
/// </summary>
[Collection(nameof(MemoryMeasuredTests))]
public sealed class LargeStreamTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long OneGiB = 1L << 30;
    private const long PeakLimit = 16L * 1024 * 1024;
    private const string Fingerprint = "a1:48:44:36:f7:bd:31:20:06:6a:4b:fb:2d:0c:72:c1";
    private const string KeyId = "ocid1.tenancy.oc1..big/ocid1.user.oc1..big/" + Fingerprint;

    private static readonly string KeyPath = Path.Combine(AppContext.BaseDirectory, "TestData", "keys", "test_rsa2048.pem");

    private StreamingLoopbackServer _server = null!;
    private HttpClient _http = null!;
    private IObjectStorageApi _api = null!;

    public Task InitializeAsync()
    {
        _server = new StreamingLoopbackServer(downloadLength: OneGiB);
        var signer = new ApiKeySigner("ocid1.tenancy.oc1..big", "ocid1.user.oc1..big", Fingerprint, KeyPath);
        _http = new HttpClient(new OciSigningHandler(signer)) { BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}/"), Timeout = TimeSpan.FromMinutes(5) };
        _api = IObjectStorageApi.Create(_http);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_1_GiB_stream_upload_is_streamed_with_its_length_and_signed_without_its_body()
    {
        await WarmUpAsync();
        PutObjectResult result;
        long peak;
        using (PeakMemorySampler sampler = PeakMemorySampler.Start())
        {
            result = await _api.PutObjectAsync("ns", "bucket", "big.bin", new PatternStream(OneGiB), contentLength: OneGiB);
            peak = sampler.Stop();
        }

        output.WriteLine($"1 GiB upload: peak managed memory {peak / 1024.0 / 1024.0:F2} MiB above baseline");
        StreamingLoopbackServer.Received put = _server.Requests[^1];
        Assert.Equal("PUT", put.Method);
        Assert.Equal("/n/ns/b/bucket/o/big.bin", put.Target);
        Assert.Equal(OneGiB, put.BodyLength);
        Assert.True(put.BodyMatchesPattern, "the bytes that arrived are not the bytes sent");
        Assert.Equal("1073741824", put.Header("content-length"));
        Assert.Null(put.Header("transfer-encoding"));
        Assert.Equal("application/octet-stream", put.Header("content-type"));
        AssertSignedWithoutBody(put);
        Assert.Equal("\"etag-PUT\"", result.ETag);
        Assert.True(peak < PeakLimit, $"peak managed memory was {peak} bytes above the baseline; the limit is {PeakLimit}");
    }

    [Fact]
    public async Task A_1_GiB_download_is_streamed_to_the_caller()
    {
        await WarmUpAsync();
        long received = 0;
        bool matches = true;
        long peak;
        GetObjectResult result;
        using (PeakMemorySampler sampler = PeakMemorySampler.Start())
        {
            result = await _api.GetObjectAsync("ns", "bucket", "big.bin");
            var buffer = new byte[64 * 1024];
            using (result)
            {
                int n;
                while ((n = await result.Content.ReadAsync(buffer)) > 0)
                {
                    matches &= PatternBytes.Matches(buffer.AsSpan(0, n), received);
                    received += n;
                }
            }

            peak = sampler.Stop();
        }

        output.WriteLine($"1 GiB download: peak managed memory {peak / 1024.0 / 1024.0:F2} MiB above baseline");
        Assert.Equal(OneGiB, received);
        Assert.True(matches, "the bytes read are not the bytes the server sent");
        Assert.Equal(OneGiB, result.ContentLength);
        Assert.Equal("pattern", result.OpcMeta["kind"]);
        Assert.Equal("application/octet-stream", result.ContentType);
        Assert.True(peak < PeakLimit, $"peak managed memory was {peak} bytes above the baseline; the limit is {PeakLimit}");
    }

    [Fact]
    public async Task A_stream_of_unknown_length_without_content_length_is_sent_chunked()
    {
        const long size = 3 * 1024 * 1024 + 17;

        await _api.PutObjectAsync("ns", "bucket", "chunked.bin", new PatternStream(size));

        StreamingLoopbackServer.Received put = _server.Requests[^1];
        Assert.Equal("chunked", put.Header("transfer-encoding"));
        Assert.Null(put.Header("content-length"));
        Assert.Equal(size, put.BodyLength);
        Assert.True(put.BodyMatchesPattern);
        AssertSignedWithoutBody(put);
    }

    [Fact]
    public async Task A_seekable_stream_without_content_length_is_sent_with_what_remains_of_it()
    {
        var bytes = new byte[1_000_003];
        PatternBytes.Fill(bytes, 0);
        using var stream = new MemoryStream(new byte[5].Concat(bytes).ToArray());
        stream.Position = 5;

        await _api.PutObjectAsync("ns", "bucket", "seekable.bin", stream);

        StreamingLoopbackServer.Received put = _server.Requests[^1];
        Assert.Equal("1000003", put.Header("content-length"));
        Assert.Null(put.Header("transfer-encoding"));
        Assert.True(put.BodyMatchesPattern);
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public async Task A_content_length_that_does_not_match_the_stream_fails_the_call()
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            _api.PutObjectAsync("ns", "bucket", "short.bin", new PatternStream(1000), contentLength: 2000));
    }

    /// <summary>One small call first, so that connection setup and JIT are not counted in the measured peak.</summary>
    private async Task WarmUpAsync()
    {
        await _api.PutObjectAsync("ns", "bucket", "warm-up", new PatternStream(100_000), contentLength: 100_000);
        using GetObjectResult small = await _api.GetObjectAsync("ns", "bucket", "warm-up", range: "bytes=0-0");
    }

    private static void AssertSignedWithoutBody(StreamingLoopbackServer.Received put)
    {
        Assert.Null(put.Header("x-content-sha256"));
        Assert.Contains("headers=\"date (request-target) host\"", put.Header("authorization"), StringComparison.Ordinal);
        using RSA key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(KeyPath));
        var verifier = new WireSignatureVerifier(key.ExportSubjectPublicKeyInfo(), KeyId);
        Assert.Null(verifier.Check(new ArrivedRequest(put.Method, put.Target, put.Headers, []), bodyExcluded: true));
    }
}
