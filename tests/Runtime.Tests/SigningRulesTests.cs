using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace OciRaw.Tests;

/// <summary>Rules of the signing step that the vectors do not cover: rejections, strategies and body handling.</summary>
public sealed class SigningRulesTests
{
    private static readonly ApiKeySigner Signer = new(
        "ocid1.tenancy.oc1..aaaaaaaarules", "ocid1.user.oc1..aaaaaaaarules",
        VectorFiles.TestKeyFingerprint, VectorFiles.KeyPath(VectorFiles.TestKey));

    [Theory]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    [InlineData("CONNECT")]
    [InlineData("PROPFIND")]
    public async Task Methods_OCI_does_not_sign_are_rejected_by_name(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://example.com/x");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Signer.SignAsync(request));

        Assert.Contains(method, error.Message, StringComparison.Ordinal);
        Assert.Contains("GET, HEAD, DELETE, POST, PUT and PATCH", error.Message, StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("Authorization"));
    }

    [Fact]
    public async Task A_relative_uri_is_rejected_with_advice()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/20160918/users");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Signer.SignAsync(request));

        Assert.Contains("absolute", error.Message, StringComparison.Ordinal);
        Assert.Contains("/20160918/users", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_header_the_request_lacks_is_named()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x")
            .SetOciSigningStrategy(OciSigningStrategy.WithHeaders("date", "(request-target)", "host", "opc-request-id"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Signer.SignAsync(request));

        Assert.Contains("'opc-request-id'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("colon:")]
    public void Invalid_explicit_header_names_are_rejected(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => OciSigningStrategy.WithHeaders("date", name));

        Assert.Equal("headerNames", error.ParamName);
    }

    [Fact]
    public void A_header_listed_twice_is_rejected() =>
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => OciSigningStrategy.WithHeaders("date", "Date")).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Post_without_content_gets_an_empty_json_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/x");

        OciSignature signature = await Signer.SignAsync(request);

        Assert.Contains("content-length: 0\ncontent-type: application/json\nx-content-sha256: 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", signature.SigningString, StringComparison.Ordinal);
        Assert.Equal(0, request.Content!.Headers.ContentLength);
    }

    [Fact]
    public async Task Content_type_is_signed_exactly_as_sent_charset_included()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/x") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        OciSignature signature = await Signer.SignAsync(request);

        Assert.Contains("content-type: application/json; charset=utf-8", signature.SigningString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_supplied_hash_and_length_are_trusted_and_the_stream_is_not_read()
    {
        var body = new ReadCountingStream(new byte[100]);
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://example.com/x") { Content = new StreamContent(body) };
        request.Content.Headers.ContentLength = 100;
        request.Headers.TryAddWithoutValidation("x-content-sha256", "precomputed=");

        OciSignature signature = await Signer.SignAsync(request);

        Assert.Contains("x-content-sha256: precomputed=", signature.SigningString, StringComparison.Ordinal);
        Assert.Contains("content-length: 100", signature.SigningString, StringComparison.Ordinal);
        Assert.Equal(0, body.Reads);
    }

    [Fact]
    public async Task A_content_length_that_disagrees_with_the_body_is_reported()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/x") { Content = new StreamContent(new MemoryStream(new byte[10])) };
        request.Content.Headers.ContentLength = 99;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Signer.SignAsync(request));

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Contains("10 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streamed_content_is_buffered_once_and_hashed_over_its_exact_bytes()
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(70_000);
        var body = new ReadCountingStream(bytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/x") { Content = new StreamContent(body) };

        OciSignature first = await Signer.SignAsync(request);
        int readsAfterFirst = body.Reads;
        OciSignature second = await Signer.SignAsync(request);

        string expectedHash = Convert.ToBase64String(SHA256.HashData(bytes));
        Assert.Contains("x-content-sha256: " + expectedHash, first.SigningString, StringComparison.Ordinal);
        Assert.Contains("x-content-sha256: " + expectedHash, second.SigningString, StringComparison.Ordinal);
        Assert.Equal(readsAfterFirst, body.Reads);
        Assert.Equal(bytes, await request.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Signing_again_replaces_authorization_date_and_hash_instead_of_adding_more()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var signer = new ApiKeySigner(Signer.Tenancy, Signer.User, Signer.Fingerprint, VectorFiles.KeyPath(VectorFiles.TestKey), passPhrase: null, new OciSignerOptions { TimeProvider = clock });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/x") { Content = new ByteArrayContent([1, 2, 3]) };

        await signer.SignAsync(request);
        clock.Advance(TimeSpan.FromMinutes(1));
        await signer.SignAsync(request);

        Assert.Equal("Fri, 02 Jan 2026 03:05:05 GMT", Assert.Single(request.Headers.NonValidated["date"]));
        Assert.Single(request.Headers.NonValidated["Authorization"]);
        Assert.Single(request.Headers.NonValidated["x-content-sha256"]);
    }

    [Fact]
    public async Task Delegation_token_is_signed_when_present_and_redacted_from_display()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");
        request.Headers.TryAddWithoutValidation("opc-obo-token", "secret-delegation-token");

        OciSignature signature = await Signer.SignAsync(request);

        Assert.EndsWith("\nopc-obo-token: secret-delegation-token", signature.SigningString, StringComparison.Ordinal);
        Assert.Contains("headers=\"date (request-target) host opc-obo-token\"", signature.Authorization, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-delegation-token", signature.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-delegation-token", SecretRedaction.RedactSigningString(signature.SigningString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uri_canonicalisation_is_what_is_signed_and_sent()
    {
        // System.Uri unescapes %7E and removes dot segments; the signature must follow what goes on the wire.
        using var canonical = new HttpRequestMessage(HttpMethod.Get, "https://example.com/o/a/./b/%7Euser");
        using var verbatim = new HttpRequestMessage(HttpMethod.Get,
            new Uri("https://example.com/o/a/%2E/b", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

        OciSignature first = await Signer.SignAsync(canonical);
        OciSignature second = await Signer.SignAsync(verbatim);

        Assert.Contains("(request-target): get " + canonical.RequestUri!.PathAndQuery, first.SigningString, StringComparison.Ordinal);
        Assert.Contains("(request-target): get /o/a/b/~user", first.SigningString, StringComparison.Ordinal);
        Assert.Contains("(request-target): get /o/a/%2E/b", second.SigningString, StringComparison.Ordinal);
    }

    [Fact]
    public void The_synchronous_send_path_signs_too()
    {
        var terminal = new CapturingHandler();
        using var invoker = new HttpMessageInvoker(new OciSigningHandler(Signer, terminal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");

        using HttpResponseMessage response = invoker.Send(request, CancellationToken.None);

        Assert.StartsWith("Signature version=\"1\"", terminal.LastAuthorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_without_an_inner_handler_creates_one()
    {
        await using var server = new LoopbackHttpServer(_ => ServerResponse.Json(HttpStatusCode.OK, "{}"));
        using var http = new HttpClient(new OciSigningHandler(Signer));

        using HttpResponseMessage response = await http.GetAsync($"http://127.0.0.1:{server.Port}/x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(server.Received[0].Header("authorization"));
    }

    [Fact]
    public async Task Parallel_signing_with_one_signer_gives_only_valid_signatures()
    {
        OciCredentials credentials = await Signer.GetCredentialsAsync();
        byte[] publicKey = credentials.Key.ExportSubjectPublicKeyInfo();
        OciSignature[] signatures = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"https://example.com/x?i={i}") { Content = new ByteArrayContent(BitConverter.GetBytes(i)) };
            return await Signer.SignAsync(request);
        })));

        Assert.All(signatures, s => Assert.True(IndependentVerifier.Verify(publicKey, s.SigningString, s.Signature)));
        Assert.Equal(200, signatures.Select(s => s.SigningString).Distinct().Count());
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public string? LastAuthorization { get; private set; }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastAuthorization = request.Headers.NonValidated["Authorization"].ToString();
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }

    private sealed class ReadCountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            return base.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Reads++;
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }
    }
}
