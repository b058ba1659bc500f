using System.Net;
using System.Text;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models.RealShapes;
using OciRaw.Client.Tests.TestSupport;

namespace OciRaw.Client.Tests;

/// <summary>
/// Raw request bodies and their content headers, header maps and header lists, as the generated clients of Object
/// Storage, Functions, Email and Container Engine hand them to the HttpClient pipeline.
/// </summary>
public sealed class RawBodyTests : IDisposable
{
    private const string Base = "https://svc.example.com";

    private readonly CapturingHandler _handler = new(_ => Answer(HttpStatusCode.OK, ("etag", "E1")));
    private readonly HttpClient _http;

    public RawBodyTests()
    {
        _http = _handler.CreateClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    [Fact]
    public async Task PutObject_sends_the_stream_as_is_with_content_headers_and_metadata()
    {
        byte[] bytes = [0, 1, 2, 255, 254, (byte)'{', (byte)'"'];
        using var stream = new MemoryStream(bytes);

        PutObjectResult result = await IObjectStorageApi.Create(_http).PutObjectAsync("ns", "bucket", "dir/a b.bin", stream,
            contentMd5: "1B2M2Y8AsgTpgAmY7PhCfg==", contentLanguage: "en-GB", contentEncoding: "gzip", contentDisposition: "attachment; filename=\"a.bin\"",
            storageTier: StorageTier.InfrequentAccess,
            opcMeta: new Dictionary<string, string> { ["color"] = "blue", ["Owner-Team"] = "storage" });

        CapturedRequest sent = _handler.Last;
        Assert.Equal("PUT", sent.Method);
        Assert.Equal($"{Base}/n/ns/b/bucket/o/dir%2Fa%20b.bin", sent.Uri);
        Assert.Equal(bytes, sent.Body);
        Assert.Equal("application/octet-stream", sent.ContentType);
        Assert.Equal(bytes.Length, sent.ContentLength);
        Assert.Equal("1B2M2Y8AsgTpgAmY7PhCfg==", sent.ContentHeader("Content-MD5"));
        Assert.Equal("en-GB", sent.ContentHeader("Content-Language"));
        Assert.Equal("gzip", sent.ContentHeader("Content-Encoding"));
        Assert.Equal("attachment; filename=\"a.bin\"", sent.ContentHeader("Content-Disposition"));
        Assert.Equal("InfrequentAccess", sent.Header("storage-tier"));
        Assert.Equal("blue", sent.Header("opc-meta-color"));
        Assert.Equal("storage", sent.Header("opc-meta-Owner-Team"));
        Assert.Null(sent.Header("content-md5")); // on the content, not among the request headers
        Assert.Equal("E1", result.ETag);
        Assert.True(stream.CanRead, "the caller's stream must stay open: the caller owns it");
    }

    [Fact]
    public async Task A_content_type_parameter_replaces_the_octet_stream_default_and_content_length_is_sent_as_given()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("hello"));

        await IObjectStorageApi.Create(_http).PutObjectAsync("ns", "b", "o", stream, contentLength: 5, contentType: "text/plain; charset=utf-8");

        Assert.Equal("text/plain; charset=utf-8", _handler.Last.ContentType);
        Assert.Equal(5, _handler.Last.ContentLength);
        Assert.Equal("hello", _handler.Last.BodyText);
    }

    [Fact]
    public async Task A_byte_array_body_is_the_bytes_themselves_not_base64_json()
    {
        byte[] part = Encoding.ASCII.GetBytes("part-1-bytes");

        UploadPartResult result = await IObjectStorageApi.Create(_http).UploadPartAsync("ns", "b", "big.iso", "upload-1", 3, part, contentMd5: "md5==");

        Assert.Equal($"{Base}/n/ns/b/b/u/big.iso?uploadId=upload-1&uploadPartNum=3", _handler.Last.Uri);
        Assert.Equal(part, _handler.Last.Body);
        Assert.Equal("md5==", _handler.Last.ContentHeader("content-md5"));
        Assert.Equal("E1", result.ETag);
    }

    [Fact]
    public async Task A_header_map_with_a_key_that_is_no_header_name_is_refused_before_sending()
    {
        using var stream = new MemoryStream([1]);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => IObjectStorageApi.Create(_http).PutObjectAsync("ns", "b", "o", stream,
            opcMeta: new Dictionary<string, string> { ["bad key"] = "v" }));

        Assert.Equal("opcMeta", e.ParamName);
        Assert.Contains("'bad key'", e.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task A_header_map_value_with_a_line_break_is_refused()
    {
        using var stream = new MemoryStream([1]);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => IObjectStorageApi.Create(_http).PutObjectAsync("ns", "b", "o", stream,
            opcMeta: new Dictionary<string, string> { ["k"] = "v\r\nx-injected: 1" }));

        Assert.Contains("'opc-meta-k'", e.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task A_null_stream_body_is_an_argument_error()
    {
        var e = await Assert.ThrowsAsync<ArgumentNullException>(() => IObjectStorageApi.Create(_http).PutObjectAsync("ns", "b", "o", null!));

        Assert.Equal("putObjectBody", e.ParamName);
    }

    [Fact]
    public async Task InvokeFunction_sends_memory_as_is_and_reads_the_raw_output_and_headers()
    {
        using var handler = new CapturingHandler(_ => Answer(HttpStatusCode.OK, [9, 8, 7], "application/x-custom", ("fn-call-id", "call-1"), ("opc-request-id", "R")));
        using HttpClient http = handler.CreateClient();

        InvokeFunctionResult result = await IFunctionsApi.Create(http).InvokeFunctionAsync("ocid1.fnfunc..x", new byte[] { 1, 2, 3 }, fnIntent: "httprequest", contentType: "application/json");

        Assert.Equal("POST", handler.Last.Method);
        Assert.Equal($"{Base}/20181201/functions/ocid1.fnfunc..x/actions/invoke", handler.Last.Uri);
        Assert.Equal([1, 2, 3], handler.Last.Body);
        Assert.Equal("application/json", handler.Last.ContentType);
        Assert.Equal("httprequest", handler.Last.Header("fn-intent"));
        Assert.Equal([9, 8, 7], result.Output);
        Assert.Equal("application/x-custom", result.ContentType);
        Assert.Equal("call-1", result.FnCallId);
        Assert.Equal("R", result.OpcRequestId);
    }

    [Fact]
    public async Task InvokeFunction_without_a_body_sends_none()
    {
        await IFunctionsApi.Create(_http).InvokeFunctionAsync("f");

        Assert.Empty(_handler.Last.Body);
        Assert.Null(_handler.Last.ContentType);
    }

    [Fact]
    public async Task A_content_header_with_a_null_raw_body_is_an_argument_error()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => IFunctionsApi.Create(_http).InvokeFunctionAsync("f", null, contentType: "text/plain"));

        Assert.Equal("contentType", e.ParamName);
        Assert.Contains("the body is null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HttpContent_body_is_sent_with_its_own_headers_and_a_stream_comes_back()
    {
        using var handler = new CapturingHandler(_ => Answer(HttpStatusCode.OK, Encoding.UTF8.GetBytes("streamed"), "text/plain"));
        using HttpClient http = handler.CreateClient();
        var content = new StringContent("<x/>", Encoding.UTF8, "application/xml");

        await using Stream output = await IFunctionsApi.Create(http).InvokeFunctionStreamAsync("f", content);

        Assert.Equal("<x/>", handler.Last.BodyText);
        Assert.Equal("application/xml; charset=utf-8", handler.Last.ContentType);
        Assert.Equal("streamed", await new StreamReader(output).ReadToEndAsync());
    }

    [Theory]
    [InlineData("\"the value\"", "application/json", "the value")]
    [InlineData("\"esc\\u00e9\\n\"", "application/json; charset=utf-8", "escé\n")]
    [InlineData("{\"a\":1}", "application/json", "{\"a\":1}")]
    [InlineData("\"quoted\"", "text/plain", "\"quoted\"")]
    [InlineData("plain words", "text/plain", "plain words")]
    public async Task A_string_body_is_raw_text_except_a_json_string_gives_its_value(string body, string contentType, string expected)
    {
        using var handler = new CapturingHandler(_ => Answer(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), contentType, ("fn-call-id", "c")));
        using HttpClient http = handler.CreateClient();

        InvokeFunctionTextResult result = await IFunctionsApi.Create(http).InvokeFunctionTextAsync("f", [1]);

        Assert.Equal(expected, result.Output);
        Assert.Equal("c", result.FnCallId);
    }

    [Fact]
    public async Task SubmitRawEmail_sends_the_enum_content_type_and_comma_joined_recipients()
    {
        using var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.OK, """{"messageId":"m1","envelopeId":"e1"}""", ("opc-request-id", "R9")));
        using HttpClient http = handler.CreateClient();
        byte[] mime = Encoding.ASCII.GetBytes("From: a@example.com\r\nTo: b@example.com\r\n\r\nhi");
        using var message = new NonSeekableStream(mime);

        OciResponse<EmailRawSubmittedResponse> response = await IEmailApi.Create(http).SubmitRawEmailAsync(
            RawEmailContentType.MessageRfc822, "ocid1.compartment..c", "a@example.com", ["b@example.com", "c@example.com"], message, contentLength: mime.Length);

        Assert.Equal($"{Base}/20220926/actions/submitRawEmail", handler.Last.Uri);
        Assert.Equal("message/rfc822", handler.Last.ContentType);
        Assert.Equal("b@example.com,c@example.com", handler.Last.Header("recipients"));
        Assert.Equal("ocid1.compartment..c", handler.Last.Header("compartment-id"));
        Assert.Equal(mime, handler.Last.Body);
        Assert.Equal(mime.Length, handler.Last.ContentLength);
        Assert.Equal("m1", response.Data.MessageId);
        Assert.Equal("R9", response.OpcRequestId);
    }

    [Fact]
    public async Task CreateCluster_returns_the_202_and_its_work_request()
    {
        using var handler = new CapturingHandler(_ => Answer(HttpStatusCode.Accepted, ("opc-work-request-id", "ocid1.clustersworkrequest..w"), ("opc-request-id", "R2")));
        using HttpClient http = handler.CreateClient();

        OciResponse response = await IContainerEngineApi.Create(http).CreateClusterAsync(
            new CreateClusterDetails { Name = "c1", CompartmentId = "comp", VcnId = "vcn" }, opcRetryToken: "t1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ocid1.clustersworkrequest..w", response.OpcWorkRequestId);
        Assert.Equal("R2", response.OpcRequestId);
        Assert.Equal("""{"name":"c1","compartmentId":"comp","vcnId":"vcn"}""", handler.Last.BodyText);
        Assert.Equal("application/json", handler.Last.ContentType);
        Assert.Equal("t1", handler.Last.Header("opc-retry-token"));
    }

    [Fact]
    public async Task A_required_header_that_is_missing_is_an_OciHeaderException_naming_it()
    {
        using var handler = new CapturingHandler(_ => Answer(HttpStatusCode.Accepted));
        using HttpClient http = handler.CreateClient();

        var e = await Assert.ThrowsAsync<OciHeaderException>(() => IContainerEngineApi.Create(http).CreateClusterTypedAsync(
            new CreateClusterDetails { Name = "c1", CompartmentId = "comp", VcnId = "vcn" }));

        Assert.Equal("opc-work-request-id", e.HeaderName);
        Assert.Equal("CreateClusterResult.OpcWorkRequestId", e.Member);
        Assert.Contains("no 'opc-work-request-id' header", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OciException>(e);
    }

    [Fact]
    public async Task A_json_body_property_is_read_with_the_headers()
    {
        using var handler = new CapturingHandler(_ => CapturingHandler.Json(HttpStatusCode.Accepted, """{"messageId":"m2"}""", ("opc-work-request-id", "w2")));
        using HttpClient http = handler.CreateClient();

        CreateClusterResult result = await IContainerEngineApi.Create(http).CreateClusterTypedAsync(new CreateClusterDetails { Name = "n", CompartmentId = "c", VcnId = "v" });

        Assert.Equal("w2", result.OpcWorkRequestId);
        Assert.Equal("m2", result.Echo?.MessageId);
    }

    internal static HttpResponseMessage Answer(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        Answer(status, [], null, headers);

    internal static HttpResponseMessage Answer(HttpStatusCode status, byte[] body, string? contentType, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach ((string name, string value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.Remove(name);
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
