using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace OciRaw.Tests;

/// <summary>
/// Requests sent by HttpClient through OciSigningHandler arrive at a loopback server that rebuilds the signing string
/// from what actually arrived on the socket and verifies it independently (BouncyCastle).
/// </summary>
public sealed class LoopbackSigningTests : IAsyncLifetime
{
    private static readonly ApiKeySigner Signer = new(
        "ocid1.tenancy.oc1..aaaaaaaaloopbacktenancy", "ocid1.user.oc1..aaaaaaaaloopbackuser",
        VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));

    private WireSignatureVerifier _verifier = null!;
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        OciCredentials credentials = await Signer.GetCredentialsAsync();
        _verifier = new WireSignatureVerifier(credentials.Key.ExportSubjectPublicKeyInfo(), Signer.KeyId);
        _server = new LoopbackHttpServer(VerifyingResponder);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> MethodsAndBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (string method in new[] { "GET", "HEAD", "DELETE" })
        {
            data.Add(method, "none");
        }

        foreach (string method in new[] { "POST", "PUT", "PATCH" })
        {
            foreach (string body in new[] { "none", "empty", "binary", "json-string", "stream" })
            {
                data.Add(method, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MethodsAndBodies))]
    public async Task Every_method_and_body_kind_arrives_verified(string method, string bodyKind)
    {
        byte[]? sentBody = BodyBytes(bodyKind);
        using HttpClient http = CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"http://127.0.0.1:{_server.Port}/20160918/users/ocid1.user.oc1..x");
        request.Content = CreateContent(bodyKind, sentBody);

        using HttpResponseMessage response = await http.SendAsync(request);

        await AssertVerifiedAsync(response);
        ArrivedRequest arrived = _server.Received[^1];
        Assert.Equal(method, arrived.Method);
        Assert.Equal(sentBody ?? [], arrived.Body);
    }

    [Theory]
    [InlineData("/20160918/users?compartmentId=ocid1.compartment.oc1..aaaa&name=a%20b&slash=%2F&colon=%3A&plus=%2B&pct=%25&emoji=%F0%9F%98%80&empty=&flag")]
    [InlineData("/n/ns/b/bucket/o/folder%2Fmy%20object%2Bv1%25.txt")]
    [InlineData("/20160918/users?name=caf%C3%A9&tilde=%7E&repeat=1&repeat=2")]
    [InlineData("/")]
    public async Task Escaped_paths_and_query_strings_are_signed_as_sent(string pathAndQuery)
    {
        using HttpClient http = CreateClient();

        using HttpResponseMessage response = await http.GetAsync($"http://127.0.0.1:{_server.Port}{pathAndQuery}");

        await AssertVerifiedAsync(response);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Host_with_a_non_default_port_is_signed_as_sent(string host)
    {
        using HttpClient http = CreateClient();

        using HttpResponseMessage response = await http.GetAsync($"http://{host}:{_server.Port}/20160918/regions");

        await AssertVerifiedAsync(response);
        Assert.Equal($"{host}:{_server.Port}", _server.Received[^1].Header("host"));
    }

    [Fact]
    public async Task IPv6_loopback_host_is_signed_with_brackets()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return; // Nothing to check on a machine without IPv6; the IPv4 cases above still run.
        }

        await using var server = new LoopbackHttpServer(VerifyingResponder, IPAddress.IPv6Loopback);
        using HttpClient http = CreateClient();

        using HttpResponseMessage response = await http.PostAsync($"http://[::1]:{server.Port}/20160918/users", new StringContent("{}"));

        await AssertVerifiedAsync(response);
        Assert.Equal($"[::1]:{server.Port}", server.Received[^1].Header("host"));
    }

    [Fact]
    public async Task Relative_uris_through_a_base_address_are_signed()
    {
        using HttpClient http = CreateClient();
        http.BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}/20160918/");

        using HttpResponseMessage response = await http.GetAsync("users?limit=1");

        await AssertVerifiedAsync(response);
        Assert.Equal("/20160918/users?limit=1", _server.Received[^1].Target);
    }

    [Fact]
    public async Task Caller_date_and_x_date_are_kept_and_signed()
    {
        using HttpClient http = CreateClient();
        using var withDate = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{_server.Port}/a");
        string callerDate = DateTimeOffset.UtcNow.AddSeconds(-30).ToString("r");
        withDate.Headers.TryAddWithoutValidation("date", callerDate);
        using var withXDate = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{_server.Port}/b");
        withXDate.Headers.TryAddWithoutValidation("x-date", callerDate);

        await AssertVerifiedAsync(await http.SendAsync(withDate));
        await AssertVerifiedAsync(await http.SendAsync(withXDate));

        Assert.Equal(callerDate, _server.Received[0].Header("date"));
        Assert.Equal(callerDate, _server.Received[1].Header("x-date"));
        Assert.Contains("headers=\"x-date (request-target) host\"", _server.Received[1].Header("authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exclude_body_put_sends_the_body_unsigned_with_a_content_length()
    {
        await using var server = new LoopbackHttpServer(r => Respond(_verifier.Check(r, bodyExcluded: true)));
        using HttpClient http = CreateClient();
        byte[] payload = BodyBytes("binary")!;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"http://127.0.0.1:{server.Port}/n/ns/b/bucket/o/data.bin")
        {
            Content = new ByteArrayContent(payload),
        };
        request.SetOciSigningStrategy(OciSigningStrategy.ExcludeBody);

        await AssertVerifiedAsync(await http.SendAsync(request));

        ArrivedRequest arrived = server.Received[^1];
        Assert.Contains("headers=\"date (request-target) host\"", arrived.Header("authorization"), StringComparison.Ordinal);
        Assert.Null(arrived.Header("x-content-sha256"));
        Assert.Equal(payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), arrived.Header("content-length"));
        Assert.Equal(payload, arrived.Body);
    }

    [Fact]
    public async Task An_explicit_header_list_is_signed_in_its_order()
    {
        using HttpClient http = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{_server.Port}/20160918/users")
        {
            Content = new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("opc-request-id", "REQ123");
        request.SetOciSigningStrategy(OciSigningStrategy.WithHeaders(
            "(request-target)", "date", "host", "x-content-sha256", "content-type", "content-length", "opc-request-id"));

        await AssertVerifiedAsync(await http.SendAsync(request));

        Assert.Contains(
            "headers=\"(request-target) date host x-content-sha256 content-type content-length opc-request-id\"",
            _server.Received[^1].Header("authorization"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_request_is_re_signed_with_a_fresh_date()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        var signer = new ApiKeySigner(Signer.Tenancy, Signer.User, Signer.Fingerprint, VectorFiles.KeyPath(VectorFiles.TestKey), passPhrase: null, new OciSignerOptions { TimeProvider = clock });
        int calls = 0;
        await using var server = new LoopbackHttpServer(r =>
            Interlocked.Increment(ref calls) == 1
                ? ServerResponse.Json(HttpStatusCode.ServiceUnavailable, "{\"code\":\"ServiceUnavailable\",\"message\":\"try again\"}")
                : Respond(_verifier.Check(r)));
        var retry = new RetryOnceHandler(() => clock.Advance(TimeSpan.FromSeconds(7)))
        {
            InnerHandler = new OciSigningHandler(signer, new SocketsHttpHandler()),
        };
        using var http = new HttpClient(retry);

        using HttpResponseMessage response = await http.PostAsync($"http://127.0.0.1:{server.Port}/20160918/users", new StringContent("{\"a\":1}"));

        await AssertVerifiedAsync(response);
        Assert.Equal(2, server.Received.Count);
        Assert.Equal("Sat, 28 Nov 2026 08:00:00 GMT", server.Received[0].Header("date"));
        Assert.Equal("Sat, 28 Nov 2026 08:00:07 GMT", server.Received[1].Header("date"));
        Assert.Single(server.Received[1].Values("authorization"));
        Assert.Single(server.Received[1].Values("x-content-sha256"));
    }

    [Fact]
    public async Task Concurrent_requests_through_one_signer_all_verify()
    {
        using HttpClient http = CreateClient();
        Task<HttpResponseMessage>[] sends = Enumerable.Range(0, 64)
            .Select(i => http.PostAsync($"http://127.0.0.1:{_server.Port}/20160918/users?i={i}", new StringContent($"{{\"i\":{i}}}")))
            .ToArray();

        HttpResponseMessage[] responses = await Task.WhenAll(sends);

        foreach (HttpResponseMessage response in responses)
        {
            await AssertVerifiedAsync(response);
            response.Dispose();
        }
    }

    private ServerResponse VerifyingResponder(ArrivedRequest request) => Respond(_verifier.Check(request));

    private static ServerResponse Respond(string? failure) => failure is null
        ? ServerResponse.Json(HttpStatusCode.OK, "{\"verified\":true}")
        : ServerResponse.Json(HttpStatusCode.Unauthorized, $"{{\"code\":\"NotAuthenticated\",\"message\":\"{failure}\"}}");

    private static async Task AssertVerifiedAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The server rejected the signature: {(int)response.StatusCode} {body}");
    }

    private static HttpClient CreateClient() => new(new OciSigningHandler(Signer, new SocketsHttpHandler()));

    private static byte[]? BodyBytes(string kind) => kind switch
    {
        "none" => null,
        "empty" => [],
        // Not valid UTF-8, with a BOM and NULs: a text round trip would change these bytes and break the hash.
        "binary" => [0xEF, 0xBB, 0xBF, 0x00, 0xFF, 0xFE, 0x80, 0xC3, 0x28, 0x0A, 0x0D, 0x7F, .. Enumerable.Range(0, 1000).Select(i => (byte)(i * 31))],
        "json-string" => Encoding.UTF8.GetBytes("{\"name\":\"réseau-日本語-😀\"}"),
        "stream" => Encoding.UTF8.GetBytes(new string('s', 5000)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static HttpContent? CreateContent(string kind, byte[]? bytes) => kind switch
    {
        "none" => null,
        "json-string" => new StringContent(Encoding.UTF8.GetString(bytes!), Encoding.UTF8, "application/json"),
        "stream" => new StreamContent(new NonSeekableStream(bytes!)) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } },
        _ => new ByteArrayContent(bytes!),
    };

    /// <summary>Retries once after a 5xx, calling <paramref name="beforeRetry"/> in between (as Polly or a custom handler would).</summary>
    private sealed class RetryOnceHandler(Action beforeRetry) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage first = await base.SendAsync(request, cancellationToken);
            if ((int)first.StatusCode < 500)
            {
                return first;
            }

            first.Dispose();
            beforeRetry();
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A stream that can only be read once, front to back, with no length: like a network or pipe body.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
