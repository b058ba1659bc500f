using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using OciRaw.Client.Tests.Interfaces;
using OciRaw.Client.Tests.Models;
using OciRaw.Client.Tests.TestSupport;

namespace OciRaw.Client.Tests;

/// <summary>
/// What a generated client hands to the HttpClient pipeline for each binding rule: the exact method, absolute URI,
/// headers and body bytes, recorded by a handler at the end of the pipeline.
/// </summary>
public sealed partial class RequestBindingTests : IDisposable
{
    private const string Base = "https://svc.example.com";

    private readonly CapturingHandler _handler = new();
    private readonly HttpClient _http;
    private readonly IBindingApi _api;

    public RequestBindingTests()
    {
        _http = _handler.CreateClient();
        _api = IBindingApi.Create(_http);
    }

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    // ---- route parameters ----

    [Theory]
    [InlineData("ocid1.user.oc1..aaaaaaaa", "ocid1.user.oc1..aaaaaaaa")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("my user", "my%20user")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("100%", "100%25")]
    [InlineData("100%2F", "100%252F")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("名前", "%E5%90%8D%E5%89%8D")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("a&b=c;d", "a%26b%3Dc%3Bd")]
    [InlineData("~-._", "~-._")]
    public async Task Route_value_is_escaped_as_one_segment(string userId, string expectedSegment)
    {
        await _api.GetUserAsync(userId);

        Assert.Equal("GET", _handler.Last.Method);
        Assert.Equal($"{Base}/20160918/users/{expectedSegment}", _handler.Last.Uri);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segments_in_a_route_value_do_not_climb_the_path(string userId)
    {
        // "/users/.." would be normalized to "/" by System.Uri: the call would reach a different resource.
        await _api.GetUserAsync(userId);

        Assert.Equal($"{Base}/20160918/users/{(userId == "." ? "%2E" : "%2E%2E")}", _handler.Last.Uri);
    }

    [Fact]
    public async Task Several_route_values_fill_their_own_placeholders()
    {
        await _api.GetObjectAsync("my-namespace", "bucket 1", "folder/my file+v1%.txt");

        Assert.Equal($"{Base}/n/my-namespace/b/bucket%201/o/folder%2Fmy%20file%2Bv1%25.txt", _handler.Last.Uri);
    }

    [Fact]
    public async Task Typed_route_values_are_formatted_invariantly()
    {
        var id = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");

        await _api.GetTypedPathAsync(id, 42, WidgetState.NeedsAttention);

        Assert.Equal($"{Base}/typed/0f8fad5b-d9cb-469f-a165-70867728950e/v42/NEEDS_ATTENTION", _handler.Last.Uri);
    }

    [Fact]
    public async Task Null_route_value_throws_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => _api.GetUserAsync(null!));

        Assert.Equal("userId", error.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Empty_route_value_throws_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _api.GetUserAsync(""));

        Assert.Empty(_handler.Requests);
    }

    // ---- query parameters ----

    [Fact]
    public async Task Query_parameters_follow_declaration_order_with_wire_names()
    {
        await _api.SearchAsync(order: "DESC", limit: 10, name: "web server", compartmentId: "ocid1.compartment.oc1..x");

        Assert.Equal($"{Base}/search?compartmentId=ocid1.compartment.oc1..x&displayName=web%20server&limit=10&sortOrder=DESC", _handler.Last.Uri);
    }

    [Fact]
    public async Task Null_query_parameters_are_omitted()
    {
        await _api.SearchAsync(name: "x", order: null);

        Assert.Equal($"{Base}/search?displayName=x", _handler.Last.Uri);
    }

    [Fact]
    public async Task No_query_string_when_every_query_parameter_is_null()
    {
        await _api.SearchAsync();

        Assert.Equal($"{Base}/search", _handler.Last.Uri);
    }

    [Fact]
    public async Task Query_values_are_escaped()
    {
        await _api.SearchAsync(compartmentId: "a&b=c", name: "50% + 1/2 ?#", order: "ü");

        Assert.Equal($"{Base}/search?compartmentId=a%26b%3Dc&displayName=50%25%20%2B%201%2F2%20%3F%23&sortOrder=%C3%BC", _handler.Last.Uri);
    }

    [Fact]
    public async Task Empty_string_query_value_is_sent_empty()
    {
        await _api.SearchAsync(name: "");

        Assert.Equal($"{Base}/search?displayName=", _handler.Last.Uri);
    }

    [Fact]
    public async Task Scalar_query_values_are_formatted_invariantly_under_any_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // decimal comma, '.' thousands
        try
        {
            await _api.ScalarsAsync(
                yes: true,
                no: false,
                count: -42,
                big: 9_007_199_254_740_993,
                ratio: 2.5,
                price: 1234.50m,
                id: new Guid("0F8FAD5B-D9CB-469F-A165-70867728950E"),
                since: new DateTimeOffset(2026, 1, 2, 5, 4, 5, 678, TimeSpan.FromHours(2)),
                state: WidgetState.Active);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal(
            $"{Base}/scalars?yes=true&no=false&count=-42&big=9007199254740993&ratio=2.5&price=1234.50" +
            "&id=0f8fad5b-d9cb-469f-a165-70867728950e&since=2026-01-02T03%3A04%3A05.678Z&state=ACTIVE",
            _handler.Last.Uri);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e21, "1E%2B21")]
    public async Task Double_query_values_round_trip(double ratio, string expected)
    {
        await _api.NullableScalarsAsync(ratio: ratio);

        Assert.Equal($"{Base}/nullable-scalars?ratio={expected}", _handler.Last.Uri);
    }

    [Theory]
    [InlineData(-5, "2026-01-02T08:04:05Z")]
    [InlineData(0, "2026-01-02T03:04:05Z")]
    [InlineData(9.5, "2026-01-01T17:34:05Z")]
    public async Task Date_query_values_are_rfc3339_utc(double offsetHours, string expected)
    {
        var local = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(offsetHours));

        await _api.NullableScalarsAsync(until: local);

        Assert.Equal($"{Base}/nullable-scalars?until={expected.Replace(":", "%3A", StringComparison.Ordinal)}", _handler.Last.Uri);
    }

    [Fact]
    public async Task Nullable_scalars_with_values_are_sent_and_nulls_are_not()
    {
        await _api.NullableScalarsAsync(flag: false, state: WidgetState.BeingDeleted, id: Guid.Empty);

        Assert.Equal($"{Base}/nullable-scalars?flag=false&state=being-deleted&id=00000000-0000-0000-0000-000000000000", _handler.Last.Uri);
    }

    [Theory]
    [InlineData(WidgetState.Active, "ACTIVE")]
    [InlineData(WidgetState.NeedsAttention, "NEEDS_ATTENTION")]
    [InlineData(WidgetState.BeingDeleted, "being-deleted")]
    [InlineData(WidgetState.Plain, "Plain")]
    public async Task Enum_query_values_use_their_wire_names(WidgetState state, string expected)
    {
        await _api.NullableScalarsAsync(state: state);

        Assert.Equal($"{Base}/nullable-scalars?state={expected}", _handler.Last.Uri);
    }

    [Fact]
    public async Task Undefined_enum_value_is_refused_rather_than_sent_as_a_number()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _api.NullableScalarsAsync(state: (WidgetState)99));

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Collections_repeat_the_key_and_skip_null_items()
    {
        await _api.CollectionsAsync(
            ids: ["a", null, "b c"],
            states: [WidgetState.Active, WidgetState.NeedsAttention],
            sizes: [1, 2, 3]);

        Assert.Equal(
            $"{Base}/collections?id=a&id=b%20c&lifecycleState=ACTIVE&lifecycleState=NEEDS_ATTENTION&sizes=1&sizes=2&sizes=3",
            _handler.Last.Uri);
    }

    [Fact]
    public async Task Null_and_empty_collections_send_nothing()
    {
        await _api.CollectionsAsync(ids: null, states: [], sizes: null);

        Assert.Equal($"{Base}/collections", _handler.Last.Uri);
    }

    // ---- headers ----

    [Fact]
    public async Task Header_parameters_are_sent_under_their_names()
    {
        await _api.HeadersAsync(retryToken: "retry-1", ifMatch: "\"etag-7\"", count: 12, state: WidgetState.NeedsAttention);

        CapturedRequest request = _handler.Last;
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{Base}/headers", request.Uri);
        Assert.Equal("retry-1", request.Header("opc-retry-token"));
        Assert.Equal("\"etag-7\"", request.Header("if-match"));
        Assert.Equal("12", request.Header("x-widget-count"));
        Assert.Equal("NEEDS_ATTENTION", request.Header("x-widget-state"));
    }

    [Fact]
    public async Task Null_headers_are_not_sent()
    {
        await _api.HeadersAsync(retryToken: "retry-1");

        CapturedRequest request = _handler.Last;
        Assert.Equal("retry-1", request.Header("opc-retry-token"));
        Assert.Empty(request.Values("if-match"));
        Assert.Empty(request.Values("x-widget-count"));
        Assert.Empty(request.Values("x-widget-state"));
        Assert.Equal(["opc-request-id", "opc-retry-token"], request.Headers.Select(h => h.Key).Order());
    }

    [Fact]
    public async Task Empty_string_headers_are_not_sent()
    {
        // OCI rejects an empty opc-retry-token or if-match instead of ignoring it: empty means "no header", as null does;
        // an operation that takes a retry token gets a fresh one instead (as the Go SDK does).
        await _api.HeadersAsync(retryToken: "", ifMatch: "");

        Assert.Equal(["opc-request-id", "opc-retry-token"], _handler.Last.Headers.Select(h => h.Key).Order());
        Assert.Matches("^[A-Za-z0-9]{30}$", _handler.Last.Header("opc-retry-token"));
    }

    [Fact]
    public async Task Whitespace_header_value_is_sent_as_given()
    {
        // Only null and empty are "no value"; anything else is the caller's and goes out unchanged.
        await _api.HeadersAsync(ifMatch: "\"a b\"");

        Assert.Equal("\"a b\"", _handler.Last.Header("if-match"));
    }

    [Fact]
    public async Task Empty_opc_request_id_parameter_gets_a_generated_id()
    {
        await _api.WithRequestIdAsync(requestId: "");

        Assert.Matches(UppercaseHex32(), Assert.Single(_handler.Last.Values("opc-request-id")));
    }

    [Fact]
    public async Task Opc_request_id_is_added_as_32_uppercase_hex_and_differs_per_call()
    {
        await _api.WithRequestIdAsync();
        await _api.WithRequestIdAsync();

        string first = _handler.Requests[0].Header("opc-request-id")!;
        string second = _handler.Requests[1].Header("opc-request-id")!;
        Assert.Matches(UppercaseHex32(), first);
        Assert.Matches(UppercaseHex32(), second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Opc_request_id_is_added_to_every_kind_of_call()
    {
        await _api.GetUserAsync("u");
        await _api.CreateWidgetAsync(new WidgetDetails());
        await _api.DeleteWidgetAsync("w", CancellationToken.None);
        await _api.HeadWidgetAsync("w");

        Assert.All(_handler.Requests, r => Assert.Matches(UppercaseHex32(), r.Header("opc-request-id")));
    }

    [Fact]
    public async Task Caller_opc_request_id_is_kept_and_not_duplicated()
    {
        await _api.WithRequestIdAsync(requestId: "my-own-request-id/1");

        Assert.Equal(["my-own-request-id/1"], _handler.Last.Values("opc-request-id"));
    }

    [Theory]
    [InlineData("t1\r\nx-injected: yes")]
    [InlineData("t1\nx-injected: yes")]
    [InlineData("t1\r")]
    public async Task Header_value_with_a_line_break_is_never_handed_on(string retryToken)
    {
        try
        {
            await _api.HeadersAsync(retryToken: retryToken);
        }
        catch (ArgumentException)
        {
            // Refusing the value is the expected outcome.
        }

        Assert.DoesNotContain(_handler.Requests, r => r.Headers.Any(h => h.Value.AsSpan().IndexOfAny('\r', '\n') >= 0));
    }

    [Theory]
    [InlineData("secret-token\r\nx-injected: yes")]
    [InlineData("secret-token\n")]
    [InlineData("secret-token\0")]
    public async Task Header_value_with_a_line_break_or_NUL_is_refused_naming_the_header_and_parameter_but_not_the_value(string retryToken)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _api.HeadersAsync(retryToken: retryToken));

        Assert.Equal("retryToken", error.ParamName);
        Assert.Contains("'opc-retry-token'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Formatted_header_values_are_checked_too()
    {
        // Enum wire names come from attributes; a line break there must not reach the wire either.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _api.BrokenEnumHeaderAsync(BrokenWireName.Split));

        Assert.Equal("value", error.ParamName);
        Assert.Empty(_handler.Requests);
    }

    // ---- body ----

    private static readonly JsonSerializerOptions ReferenceOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    [Fact]
    public async Task Body_is_exact_camel_case_json_without_nulls()
    {
        var details = new WidgetDetails
        {
            DisplayName = "web-1",
            CompartmentId = "ocid1.compartment.oc1..x",
            Description = null,
            Count = 0,
            IsEnabled = true,
            State = WidgetState.NeedsAttention,
            SizeInBytes = 9_007_199_254_740_993,
            TimeCreated = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
            URLValue = "https://example.com/a",
            IPAddress = "10.0.0.1",
            Tags = ["a", "b"],
            FreeformTags = new() { ["Team"] = "core" },
            Shape = new WidgetShape("VM.Standard.E4.Flex", 1.5) { MemoryInGBs = 16.0m },
        };

        await _api.CreateWidgetAsync(details);

        CapturedRequest request = _handler.Last;
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{Base}/widgets", request.Uri);
        Assert.Equal(
            OneLine("""
                {"displayName":"web-1","compartment-id":"ocid1.compartment.oc1..x","count":0,"isEnabled":true,
                "state":"NEEDS_ATTENTION","sizeInBytes":9007199254740993,"timeCreated":"2026-01-02T03:04:05.678+00:00",
                "urlValue":"https://example.com/a","ipAddress":"10.0.0.1","tags":["a","b"],"freeformTags":{"Team":"core"},
                "shape":{"name":"VM.Standard.E4.Flex","ocpus":1.5,"memoryInGBs":16.0}}
                """),
            request.BodyText);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(details, ReferenceOptions), request.Body);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(request.Body.Length, request.ContentLength);
    }

    [Fact]
    public async Task Body_with_only_defaults_writes_value_types_and_no_nulls()
    {
        await _api.CreateWidgetAsync(new WidgetDetails());

        Assert.Equal("""{"count":0,"isEnabled":false,"state":"ACTIVE"}""", _handler.Last.BodyText);
    }

    [Fact]
    public async Task Body_strings_are_json_escaped_like_system_text_json()
    {
        var details = new WidgetDetails { DisplayName = "quote\" back\\ line\n café <tag> 😀", Description = "\u0001" };

        await _api.CreateWidgetAsync(details);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(details, ReferenceOptions), _handler.Last.Body);
        using JsonDocument parsed = JsonDocument.Parse(_handler.Last.Body);
        Assert.Equal(details.DisplayName, parsed.RootElement.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Collection_body_is_a_json_array()
    {
        await _api.PatchTagsAsync("w 1", ["x", "y"]);

        CapturedRequest request = _handler.Last;
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"{Base}/widgets/w%201/tags", request.Uri);
        Assert.Equal("""["x","y"]"""u8.ToArray(), request.Body);
    }

    [Fact]
    public async Task Put_sends_route_value_and_body_together()
    {
        await _api.UpdateWidgetAsync("ocid1.widget..1", new WidgetDetails { DisplayName = "renamed" });

        CapturedRequest request = _handler.Last;
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"{Base}/widgets/ocid1.widget..1", request.Uri);
        Assert.Equal("""{"displayName":"renamed","count":0,"isEnabled":false,"state":"ACTIVE"}""", request.BodyText);
    }

    [Fact]
    public async Task Null_optional_body_sends_no_content()
    {
        await _api.UpdateWidgetAsync("w", null);

        Assert.Empty(_handler.Last.Body);
        Assert.Null(_handler.Last.ContentType);
    }

    [Fact]
    public async Task Null_required_body_throws_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => _api.CreateWidgetAsync(null!));

        Assert.Equal("details", error.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    public async Task Verbs_without_body_send_no_content(string verb)
    {
        Task call = verb switch
        {
            "GET" => _api.GetUserAsync("u"),
            "DELETE" => _api.DeleteWidgetAsync("u", CancellationToken.None),
            _ => _api.HeadWidgetAsync("u"),
        };
        await call;

        Assert.Equal(verb, _handler.Last.Method);
        Assert.Empty(_handler.Last.Body);
        Assert.Null(_handler.Last.ContentType);
    }

    // ---- cancellation and Create ----

    [Fact]
    public async Task Cancellation_token_reaches_the_handler_and_cancels_the_call()
    {
        var arrived = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = new CapturingHandler(async (_, token) =>
        {
            arrived.SetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return CapturingHandler.Json(HttpStatusCode.OK, "{}");
        });
        using HttpClient http = handler.CreateClient();
        IBindingApi api = IBindingApi.Create(http);
        using var cts = new CancellationTokenSource();

        Task call = api.DeleteWidgetAsync("w", cts.Token);
        CancellationToken seen = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(seen.IsCancellationRequested);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(seen.IsCancellationRequested);
    }

    [Fact]
    public async Task Already_cancelled_token_reaches_the_handler_cancelled()
    {
        bool? cancelledInHandler = null;
        using var handler = new CapturingHandler((_, token) =>
        {
            cancelledInHandler = token.IsCancellationRequested;
            token.ThrowIfCancellationRequested(); // as SocketsHttpHandler does
            return Task.FromResult(CapturingHandler.Json(HttpStatusCode.OK, "{}"));
        });
        using HttpClient http = handler.CreateClient();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IBindingApi.Create(http).GetUserAsync("u", cts.Token));

        Assert.True(cancelledInHandler);
    }

    [Fact]
    public void Create_without_base_address_throws_naming_the_interface()
    {
        using var http = new HttpClient(new CapturingHandler());

        var error = Assert.Throws<ArgumentException>(() => IBindingApi.Create(http));

        Assert.Equal("httpClient", error.ParamName);
        Assert.Contains(nameof(IBindingApi), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_with_null_http_client_throws()
    {
        Assert.Throws<ArgumentNullException>(() => IBindingApi.Create(null!));
    }

    [Fact]
    public async Task Clients_over_the_same_http_client_share_its_base_address()
    {
        using var handler = new CapturingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:8080/") };

        await IBindingApi.Create(http).GetUserAsync("u1");

        Assert.Equal("http://127.0.0.1:8080/20160918/users/u1", handler.Last.Uri);
    }

    /// <summary>Joins a JSON literal written over several lines (no value in these tests contains a line break).</summary>
    private static string OneLine(string json) => string.Concat(json.Split('\n').Select(line => line.Trim()));

    [GeneratedRegex("^[0-9A-F]{32}$")]
    private static partial Regex UppercaseHex32();
}

