using System.Net;
using System.Text;
using OciRaw.Infrastructure;

namespace OciRaw.Tests;

/// <summary>
/// The contracts of the <see cref="OciClientRuntime"/> helpers that generated clients rely on, called directly: header
/// parameters, paging from a copied first request, and 2xx responses without a body.
/// </summary>
public sealed class ClientRuntimeTests
{
    private const string Token = "ST$eyJhbGciOiJSUzI1NiJ9.secret-part";

    // ---- AddHeader ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void AddHeader_leaves_out_null_and_empty_values(string? value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");

        OciClientRuntime.AddHeader(request, "if-match", value, "ifMatch");

        Assert.Empty(request.Headers.NonValidated);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void AddHeader_gives_a_retry_token_parameter_without_value_a_fresh_token(string? value)
    {
        using var first = new HttpRequestMessage(HttpMethod.Post, "/x");
        using var second = new HttpRequestMessage(HttpMethod.Post, "/x");

        OciClientRuntime.AddHeader(first, "opc-retry-token", value, "retryToken");
        OciClientRuntime.AddHeader(second, "Opc-Retry-Token", value, "retryToken");

        string token = Assert.Single(first.Headers.GetValues("opc-retry-token"));
        Assert.Matches("^[A-Za-z0-9]{30}$", token);
        Assert.NotEqual(token, Assert.Single(second.Headers.GetValues("opc-retry-token")));
    }

    [Fact]
    public void AddHeader_sends_the_value_byte_for_byte()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");

        // Not a valid ETag to HttpClient's parser: added without validation, it still goes out unchanged.
        OciClientRuntime.AddHeader(request, "if-match", "W/ unquoted, ünïcode", "ifMatch");

        Assert.Equal("W/ unquoted, ünïcode", request.Headers.NonValidated["if-match"].ToString());
    }

    [Theory]
    [InlineData("\r\nx-injected: yes")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\0")]
    public void AddHeader_refuses_line_breaks_and_NUL_without_quoting_the_value(string bad)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");

        var error = Assert.Throws<ArgumentException>(() => OciClientRuntime.AddHeader(request, "x-token", Token + bad, "token"));

        Assert.Equal("token", error.ParamName);
        Assert.Contains("'x-token'", error.Message, StringComparison.Ordinal);
        SecretAssert.NotIn(error, [Token, "secret-part"]);
        Assert.Empty(request.Headers.NonValidated);
    }

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("content-md5")]
    [InlineData("Expires")]
    public void AddHeader_refuses_a_content_header_instead_of_dropping_it(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/x");

        var error = Assert.Throws<ArgumentException>(() => OciClientRuntime.AddHeader(request, name, "value", "header"));

        Assert.Equal("header", error.ParamName);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(request.Headers.NonValidated);
    }

    [Fact]
    public async Task SendAsync_hands_on_headers_it_did_not_add_unchanged()
    {
        // Checking is AddHeader's job, done once per header parameter; SendAsync hands the request on as it is.
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://svc.example.com") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        request.Headers.TryAddWithoutValidation("x-caller", "a,b");

        using HttpResponseMessage response = await OciClientRuntime.SendAsync(http, request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);

        Assert.Equal("a,b", Assert.Single(handler.Requests).Headers["x-caller"]);
    }

    // ---- PaginateAsync ----

    [Fact]
    public void PaginateAsync_checks_its_arguments_at_the_call()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");

        Assert.Throws<ArgumentNullException>(() => OciClientRuntime.PaginateAsync<string>(null!, request, ReadStrings, default));
        Assert.Throws<ArgumentNullException>(() => OciClientRuntime.PaginateAsync<string>(http, null!, ReadStrings, default));
        Assert.Throws<ArgumentNullException>(() => OciClientRuntime.PaginateAsync<string>(http, request, null!, default));
    }

    [Fact]
    public void PaginateAsync_refuses_a_body_that_generated_code_did_not_write_and_so_cannot_send_again()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x") { Content = new StringContent("{}") };

        var error = Assert.Throws<ArgumentException>(() => OciClientRuntime.PaginateAsync<string>(http, request, ReadStrings, default));

        Assert.Equal("firstPage", error.ParamName);
    }

    [Fact]
    public async Task PaginateAsync_copies_the_first_request_so_it_can_be_disposed_and_enumerated_again()
    {
        var handler = new RecordingHandler(r => Page(r.Uri.EndsWith("page=2", StringComparison.Ordinal) ? ("""["c"]""", null) : ("""["a","b"]""", "2")));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://svc.example.com") };
        IAsyncEnumerable<string> items;
        using (var first = new HttpRequestMessage(HttpMethod.Get, "/items?limit=2") { Version = HttpVersion.Version20 })
        {
            first.Headers.TryAddWithoutValidation("x-tenant", "t1");
            items = OciClientRuntime.PaginateAsync(http, first, ReadStrings, default);
            first.Headers.Remove("x-tenant"); // changes after the call do not reach the pages
        }

        List<string> once = await items.ToListAsync();
        List<string> twice = await items.ToListAsync();

        Assert.Equal(["a", "b", "c"], once);
        Assert.Equal(once, twice);
        Assert.Equal(
            [
                "https://svc.example.com/items?limit=2", "https://svc.example.com/items?limit=2&page=2",
                "https://svc.example.com/items?limit=2", "https://svc.example.com/items?limit=2&page=2",
            ],
            handler.Requests.Select(r => r.Uri));
        Assert.All(handler.Requests, r => Assert.Equal("t1", r.Headers["x-tenant"]));
        Assert.All(handler.Requests, r => Assert.Equal(HttpVersion.Version20, r.Version));
        Assert.Equal(4, handler.Requests.Select(r => r.Headers["opc-request-id"]).Distinct().Count());
    }

    // ---- 2xx without a body ----

    [Fact]
    public async Task ReadJsonAsync_reads_an_empty_body_as_default_only_when_allowed()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NoContent)
        {
            RequestMessage = new HttpRequestMessage(HttpMethod.Delete, "https://svc.example.com/items/a%20b"),
        };
        response.Headers.TryAddWithoutValidation("opc-request-id", "R-1");

        List<string>? allowed = await OciClientRuntime.ReadJsonAsync(response, ReadStrings, allowEmptyBody: true, default);
        var error = await Assert.ThrowsAsync<OciEmptyBodyException>(() => OciClientRuntime.ReadJsonAsync(response, ReadStrings, allowEmptyBody: false, default));

        Assert.Null(allowed);
        Assert.Equal(HttpStatusCode.NoContent, error.StatusCode);
        Assert.Equal("R-1", error.OpcRequestId);
        Assert.Equal("DELETE https://svc.example.com/items/a%20b", error.Operation);
        Assert.Equal(
            "The service answered 204 with no body to DELETE https://svc.example.com/items/a%20b, but the method's result type cannot be null. " +
            "Declare it nullable (Task<T?> or Task<OciResponse<T?>>) to get null for an empty body. opc-request-id: R-1",
            error.Message);
    }

    private static List<string> ReadStrings(ref System.Text.Json.Utf8JsonReader reader)
    {
        var items = new List<string>();
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.String)
        {
            items.Add(reader.GetString()!);
        }

        return items;
    }

    private static HttpResponseMessage Page((string Body, string? Next) page)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(page.Body, Encoding.UTF8, "application/json") };
        if (page.Next is not null)
        {
            response.Headers.TryAddWithoutValidation("opc-next-page", page.Next);
        }

        return response;
    }

    private sealed record SentRequest(string Uri, Version Version, Dictionary<string, string> Headers);

    /// <summary>Records what arrives and answers with what the responder returns.</summary>
    private sealed class RecordingHandler(Func<SentRequest, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<SentRequest> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sent = new SentRequest(
                request.RequestUri!.AbsoluteUri,
                request.Version,
                request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            Requests.Add(sent);
            HttpResponseMessage response = respond(sent);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
