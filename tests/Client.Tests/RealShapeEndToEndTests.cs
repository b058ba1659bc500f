using System.Net;
using System.Security.Cryptography;
using System.Text;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models;

namespace OciRaw.Client.Tests;

/// <summary>
/// Issue 9 items 2 and 5 over a real socket: HttpClient -> OciSigningHandler -> loopback server, which checks every
/// request's signature from the bytes that arrived (an independent BouncyCastle verifier) before answering. What is
/// signed is what goes on the request line: an object named <c>..</c>, a CSV query, a HEAD, every page of a paged POST.
/// </summary>
public sealed class RealShapeEndToEndTests : IAsyncLifetime
{
    private const string Fingerprint = "a1:48:44:36:f7:bd:31:20:06:6a:4b:fb:2d:0c:72:c1";
    private const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaarealshapes";
    private const string UserOcid = "ocid1.user.oc1..aaaaaaaarealshapes";

    private static readonly string KeyPath = Path.Combine(AppContext.BaseDirectory, "TestData", "keys", "test_rsa2048.pem");

    private readonly List<string> _rejections = [];
    private WireSignatureVerifier _verifier = null!;
    private LoopbackHttpServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        using RSA key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(KeyPath));
        _verifier = new WireSignatureVerifier(key.ExportSubjectPublicKeyInfo(), $"{Tenancy}/{UserOcid}/{Fingerprint}");
        _server = new LoopbackHttpServer(Respond);
        _http = new HttpClient(new OciSigningHandler(new ApiKeySigner(Tenancy, UserOcid, Fingerprint, KeyPath)))
        {
            BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}/"),
        };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    public async Task An_object_named_with_dots_arrives_escaped_and_signed_as_it_arrived(string objectName, string segment)
    {
        string echoed = await IObjectStorage.Create(_http).GetObjectTextAsync("ns", "bucket", objectName);

        ArrivedRequest arrived = Assert.Single(_server.Received);
        Assert.Equal($"/n/ns/b/bucket/o/{segment}", arrived.Target);
        Assert.Equal($"/n/ns/b/bucket/o/{segment}", echoed); // the service saw the target the client signed
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Every_page_of_a_paged_POST_carries_the_signed_body()
    {
        var details = new SearchLogsDetails { SearchQuery = "search \"c\"", TimeStart = new DateTimeOffset(2026, 9, 12, 0, 0, 0, TimeSpan.Zero) };

        List<OciResponse<SearchResponse>> pages = await ILogSearch.Create(_http).SearchLogsAsync(details, limit: 1).ToListAsync();

        Assert.Equal([1, 2, 3], pages.Select(p => p.Data.Summary!.ResultCount));
        Assert.Equal(["/20190909/search?limit=1", "/20190909/search?limit=1&page=a%2Bb%2F2%3D", "/20190909/search?limit=1&page=a%2Bb%2F3%3D"],
            _server.Received.Select(r => r.Target));
        byte[] body = _server.Received[0].Body;
        Assert.StartsWith("{\"timeStart\":\"2026-09-12T00:00:00+00:00\"", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.All(_server.Received, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal(body, r.Body);
            Assert.Equal(Convert.ToBase64String(SHA256.HashData(body)), r.Header("x-content-sha256"));
        });
        Assert.Equal(3, _server.Received.Select(r => r.Header("opc-request-id")).Distinct().Count());
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Collections_page_through_signed_GETs()
    {
        List<ContainerInstanceSummary> items = await IContainerInstances.Create(_http).ListContainerInstancesAsync("c", limit: 1).ToListAsync();

        Assert.Equal(["ci1", "ci2"], items.Select(i => i.Id));
        Assert.Equal(["/20210415/containerInstances?compartmentId=c&limit=1", "/20210415/containerInstances?compartmentId=c&limit=1&page=x%2By"],
            _server.Received.Select(r => r.Target));
        AssertEveryRequestVerified();
    }

    [Fact]
    public async Task Head_csv_query_and_a_json_string_body_go_signed()
    {
        IObjectStorage storage = IObjectStorage.Create(_http);

        string ns = await storage.GetNamespaceAsync();
        Bucket bucket = await storage.GetBucketAsync(ns, "b1", [BucketField.ApproximateCount, BucketField.AutoTiering]);
        using HttpResponseMessage head = await storage.HeadObjectAsync(ns, "b1", "a b.txt");

        Assert.Equal("axaxnpcrorw5", ns);
        Assert.Equal(42, bucket.ApproximateCount);
        Assert.Equal("\"etag-1\"", head.Headers.ETag!.Tag);
        Assert.Equal(
            [("GET", "/n"), ("GET", "/n/axaxnpcrorw5/b/b1?fields=approximateCount,autoTiering"), ("HEAD", "/n/axaxnpcrorw5/b/b1/o/a%20b.txt")],
            _server.Received.Select(r => (r.Method, r.Target)));
        AssertEveryRequestVerified();
    }

    private ServerResponse Respond(ArrivedRequest request)
    {
        if (_verifier.Check(request) is { } problem)
        {
            lock (_rejections)
            {
                _rejections.Add(problem);
            }

            return ServerResponse.Json(HttpStatusCode.Unauthorized, $$"""{"code":"NotAuthenticated","message":"{{problem}}"}""");
        }

        string target = request.Target;
        return (request.Method, target) switch
        {
            ("GET", "/n") => ServerResponse.Json(HttpStatusCode.OK, "\"axaxnpcrorw5\""),
            ("GET", _) when target.StartsWith("/n/axaxnpcrorw5/b/b1?", StringComparison.Ordinal) =>
                ServerResponse.Json(HttpStatusCode.OK, """{"name":"b1","approximateCount":42}"""),
            ("HEAD", _) => ServerResponse.Json(HttpStatusCode.OK, "", ("etag", "\"etag-1\"")),
            ("GET", _) when target.StartsWith("/n/ns/b/bucket/o/", StringComparison.Ordinal) =>
                ServerResponse.Json(HttpStatusCode.OK, $"\"{target}\""),
            ("POST", _) when target.StartsWith("/20190909/search?", StringComparison.Ordinal) => SearchPage(target),
            ("GET", _) when target.StartsWith("/20210415/containerInstances?", StringComparison.Ordinal) => target.Contains("page=", StringComparison.Ordinal)
                ? ServerResponse.Json(HttpStatusCode.OK, """{"items":[{"id":"ci2"}]}""")
                : ServerResponse.Json(HttpStatusCode.OK, """{"items":[{"id":"ci1"}]}""", ("opc-next-page", "x+y")),
            _ => ServerResponse.Json(HttpStatusCode.NotFound, """{"code":"NotAuthorizedOrNotFound","message":"no route"}"""),
        };
    }

    private static ServerResponse SearchPage(string target)
    {
        int page = target.Contains("page=a%2Bb%2F3%3D", StringComparison.Ordinal) ? 3 : target.Contains("page=", StringComparison.Ordinal) ? 2 : 1;
        string body = $$$"""{"results":[{"data":{"page":{{{page}}}}}],"summary":{"resultCount":{{{page}}},"fieldCount":1}}""";
        return page < 3 ? ServerResponse.Json(HttpStatusCode.OK, body, ("opc-next-page", $"a+b/{page + 1}=")) : ServerResponse.Json(HttpStatusCode.OK, body);
    }

    private void AssertEveryRequestVerified()
    {
        lock (_rejections)
        {
            Assert.Empty(_rejections);
        }

        Assert.All(_server.Received, r => Assert.NotNull(r.Header("authorization")));
    }
}
