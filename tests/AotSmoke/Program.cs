using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using OciRaw;
using OciRaw.AotSmoke;

// Exercises a generated client end to end (URI, headers, JSON both ways, paging, errors) through an in-memory
// handler, so the trimmed native binary runs the same code paths users do. Exit code 0 means every check passed.
var handler = new CannedHandler();
using var http = new HttpClient(handler) { BaseAddress = new Uri("https://identity.example.com") };
ISmokeApi api = ISmokeApi.Create(http);

Widget created = await api.CreateAsync(new NewWidget("box", ["a", "b"], new Dictionary<string, JsonElement> { ["n"] = JsonDocument.Parse("1").RootElement }), "retry-1");
Check(created.Name == "box" && created.State == WidgetState.Active, "create reads the JSON body");
Check(handler.LastBody == "{\"name\":\"box\",\"tags\":[\"a\",\"b\"],\"extra\":{\"n\":1}}", "create writes the JSON body: " + handler.LastBody);
Check(handler.LastRequest == "POST https://identity.example.com/widgets retry-1", "create builds the request: " + handler.LastRequest);

OciResponse<Widget> fetched = await api.GetAsync("a/b c", WidgetState.Deleted);
Check(fetched.ETag == "e-1" && fetched.Data.TimeCreated.Year == 2026, "get returns headers and data");
Check(handler.LastRequest == "GET https://identity.example.com/widgets/a%2Fb%20c?state=DELETED ", "get escapes the path: " + handler.LastRequest);

int count = 0;
await foreach (Widget widget in api.ListAsync(limit: 2))
{
    count++;
}

Check(count == 3, "list follows opc-next-page");

int pages = 0, results = 0;
await foreach (OciResponse<SearchPage> page in api.SearchAsync(new NewWidget("q", [], null), fields: ["a", "b"]))
{
    pages++;
    results += page.Data.Items.Count;
    Check(handler.LastBody == "{\"name\":\"q\",\"tags\":[]}", "a paged POST resends its body: " + handler.LastBody);
}

Check(pages == 2 && results == 3, "a paged POST yields whole pages");
Check(handler.LastRequest == "POST https://identity.example.com/search?fields=a,b&page=p2 ", "a paged POST follows the page with a CSV query: " + handler.LastRequest);

Dated dated = await api.GetDatedAsync("..", new DateOnly(2026, 9, 12));
Check(dated.Day == new DateOnly(2026, 9, 12), "DateOnly reads as written");
Check(handler.LastRequest == "GET https://identity.example.com/dated/%2E%2E?day=2026-09-12 ", "a dot segment is sent escaped: " + handler.LastRequest);

try
{
    await api.GetAsync("missing", null);
    Check(false, "a 404 throws");
}
catch (OciServiceException e)
{
    Check(e.ServiceCode == "NotAuthorizedOrNotFound" && e.OpcRequestId == "req-404", "a 404 becomes OciServiceException");
}

OciResponse<Widget?> gone = await api.DeleteAsync("box");
Check(gone.Data is null && gone.StatusCode == HttpStatusCode.NoContent, "a 204 is null for a nullable result");

try
{
    await api.DeleteExpectingBodyAsync("box");
    Check(false, "a 204 for a non-nullable result throws");
}
catch (OciEmptyBodyException e)
{
    Check(e.Operation == "DELETE https://identity.example.com/widgets/box" && e.OpcRequestId == "req-204", "a 204 becomes OciEmptyBodyException: " + e.Message);
}

try
{
    await api.CreateAsync(new NewWidget("box", [], null), "retry\r\nx-injected: yes");
    Check(false, "a header value with a line break throws");
}
catch (ArgumentException e)
{
    Check(e.ParamName == "retryToken", "a header value with a line break is refused");
}

Launch launched = await api.LaunchAsync(new Launch { SourceDetails = new ImageSource { ImageId = "i-1" }, More = [new BootVolumeSource { BootVolumeId = "b-0" }] });
Check(handler.LastBody == "{\"sourceDetails\":{\"sourceType\":\"image\",\"imageId\":\"i-1\"},\"more\":[{\"sourceType\":\"bootVolume\",\"bootVolumeId\":\"b-0\"}]}",
    "a polymorphic body is written with its discriminators first: " + handler.LastBody);
Check(launched.SourceDetails is BootVolumeSource { BootVolumeId: "bv-1" } && launched.More is [ImageSource { ImageId: "i-2" }],
    "a polymorphic response is read by its discriminators, wherever they stand");
PutResult put = await api.PutObjectAsync("o1", Encoding.ASCII.GetBytes("raw-bytes"), "md5==", new Dictionary<string, string> { ["a"] = "1" });
Check(handler.LastBody == "raw-bytes" && handler.LastContentType == "application/octet-stream", "a byte[] body is sent raw: " + handler.LastBody);
Check(put.ETag == "e-put" && put.Length == 9 && put.State == WidgetState.Active && put.LastModified?.Year == 1994, $"header properties are read typed: {put.ETag} {put.Length} {put.State} {put.LastModified}");
Check(put.Meta.TryGetValue("A", out string? meta) && meta == "1", "a prefix map collects opc-meta-*");
using (var reader = new StreamReader(put.Body))
{
    Check(await reader.ReadToEndAsync() == "raw-bytes", "a stream body property is handed over");
}

OciResponse touched = await api.TouchAsync("o1");
Check(touched.StatusCode == HttpStatusCode.Accepted && touched.OpcWorkRequestId == "wr-1", "Task<OciResponse> returns the work request");

// The signed pipelines: Create(signer, endpoint), and the same client from a container through IHttpClientFactory
// (OciRaw.Extensions.DependencyInjection), both over the canned transport.
string keyPem, fingerprint;
using (var rsa = System.Security.Cryptography.RSA.Create(2048))
{
    keyPem = rsa.ExportPkcs8PrivateKeyPem();
#pragma warning disable CA5351 // MD5 is how OCI defines a key's fingerprint (of its DER SubjectPublicKeyInfo).
    fingerprint = string.Join(":", System.Security.Cryptography.MD5.HashData(rsa.ExportSubjectPublicKeyInfo()).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
#pragma warning restore CA5351
}

using (ApiKeySigner signer = ApiKeySigner.FromPem("ocid1.tenancy.oc1..smoke", "ocid1.user.oc1..smoke", fingerprint, keyPem))
{
    ISmokeApi signed = ISmokeApi.Create(signer, new Uri("https://idcs-smoke.identity.oraclecloud.com"), new OciClientOptions { InnerHandler = handler });
    await signed.GetAsync("w", null);
    Check(handler.LastRequest.StartsWith("GET https://idcs-smoke.identity.oraclecloud.com/widgets/w", StringComparison.Ordinal), "Create(signer, endpoint) sends there: " + handler.LastRequest);
    Check(handler.LastSignature == "Signature headers=\"date (request-target) host\"", "Create(signer, endpoint) signs: " + handler.LastSignature);

    var services = new ServiceCollection();
    services.AddOciSigner(signer);
    services.AddOciClient<ISmokeApi>(settings => settings.Endpoint = new Uri("https://widgets.example.com"))
        .ConfigurePrimaryHttpMessageHandler(() => handler);
    using ServiceProvider provider = services.BuildServiceProvider();
    ISmokeApi fromContainer = provider.GetRequiredService<ISmokeApi>();
    OciResponse<Widget> viaDi = await fromContainer.GetAsync("w", null);
    Check(viaDi.Data.Name == "box" && handler.LastRequest.StartsWith("GET https://widgets.example.com/widgets/w", StringComparison.Ordinal), "the container's client calls the endpoint: " + handler.LastRequest);
    Check(handler.LastSignature == "Signature headers=\"date (request-target) host\"", "the container's client signs: " + handler.LastSignature);
}

Console.WriteLine("AOT smoke: all checks passed.");
return 0;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine("AOT smoke FAILED: " + what);
        Environment.Exit(1);
    }
}

namespace OciRaw.AotSmoke
{
    public enum WidgetState
    {
        UnknownEnumValue,
        [JsonStringEnumMemberName("ACTIVE")] Active,
        [JsonStringEnumMemberName("DELETED")] Deleted,
    }

    public sealed record NewWidget(string Name, IReadOnlyList<string> Tags, Dictionary<string, JsonElement>? Extra);

    public sealed class Widget
    {
        public required string Name { get; init; }
        public WidgetState State { get; set; }
        public DateTimeOffset TimeCreated { get; set; }
    }

    public sealed class SearchPage
    {
        public List<Widget> Items { get; set; } = [];
    }

    public sealed class Dated
    {
        public DateOnly Day { get; set; }
    }

    [JsonPolymorphic(TypeDiscriminatorPropertyName = "sourceType")]
    [JsonDerivedType(typeof(ImageSource), "image")]
    [JsonDerivedType(typeof(BootVolumeSource), "bootVolume")]
    public abstract class SourceDetails
    {
    }

    public sealed class ImageSource : SourceDetails
    {
        public string? ImageId { get; set; }
    }

    public sealed class BootVolumeSource : SourceDetails
    {
        public string? BootVolumeId { get; set; }
    }

    public sealed class Launch
    {
        public SourceDetails? SourceDetails { get; set; }
        public List<SourceDetails>? More { get; set; }
    }

    public partial interface ISmokeApi
    {
        [OciEndpoint("POST /search")]
        IAsyncEnumerable<OciResponse<SearchPage>> SearchAsync([OciBody] NewWidget query, [OciQuery(CollectionFormat = OciCollectionFormat.Csv)] string[]? fields = null);

        [OciEndpoint("GET /dated/{name}")]
        Task<Dated> GetDatedAsync(string name, [OciQuery] DateOnly day);
        [OciEndpoint("POST /instances")]
        Task<Launch> LaunchAsync([OciBody] Launch launch);

        [OciEndpoint("POST /widgets")]
        Task<Widget> CreateAsync([OciBody] NewWidget widget, [OciHeader("opc-retry-token")] string? retryToken = null);

        [OciEndpoint("GET /widgets/{name}")]
        Task<OciResponse<Widget>> GetAsync(string name, [OciQuery] WidgetState? state);

        [OciEndpoint("GET /widgets")]
        IAsyncEnumerable<Widget> ListAsync([OciQuery] int? limit = null, CancellationToken cancellationToken = default);

        [OciEndpoint("DELETE /widgets/{name}")]
        Task<OciResponse<Widget?>> DeleteAsync(string name);

        [OciEndpoint("DELETE /widgets/{name}")]
        Task<Widget> DeleteExpectingBodyAsync(string name);

        [OciEndpoint("PUT /objects/{name}", ExcludeBodyFromSignature = true)]
        Task<PutResult> PutObjectAsync(string name, [OciBody] byte[] body, [OciHeader("content-md5")] string? md5 = null, [OciHeader("opc-meta-*")] IDictionary<string, string>? meta = null);

        [OciEndpoint("POST /objects/{name}/actions/touch")]
        Task<OciResponse> TouchAsync(string name);
    }

    public sealed class PutResult
    {
        [OciHeader("etag")] public string? ETag { get; set; }
        [OciHeader("content-length")] public long Length { get; set; }
        [OciHeader("x-state")] public WidgetState State { get; set; }
        [OciHeader("last-modified")] public DateTimeOffset? LastModified { get; set; }
        [OciHeader("opc-meta-*")] public IReadOnlyDictionary<string, string> Meta { get; set; } = new Dictionary<string, string>();
        [OciBody] public Stream Body { get; set; } = Stream.Null;
    }

    /// <summary>Answers like the Identity service would, from memory.</summary>
    internal sealed class CannedHandler : HttpMessageHandler
    {
        private const string WidgetJson = "{\"name\":\"box\",\"state\":\"ACTIVE\",\"timeCreated\":\"2026-11-28T08:00:00.123Z\",\"unknown\":[1,{\"x\":null}]}";

        public string LastRequest { get; private set; } = "";

        public string LastBody { get; private set; } = "";

        public string? LastContentType { get; private set; }

        /// <summary>The scheme and signed headers of the last request's Authorization header, if it had one.</summary>
        public string? LastSignature { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            LastContentType = request.Content?.Headers.ContentType?.MediaType;
            LastSignature = request.Headers.Authorization is { } authorization
                ? authorization.Scheme + " " + System.Text.RegularExpressions.Regex.Match(authorization.Parameter ?? "", "headers=\"[^\"]*\"").Value
                : null;
            string retry = request.Headers.TryGetValues("opc-retry-token", out var values) ? string.Join(",", values) : "";
            LastRequest = $"{request.Method} {request.RequestUri!.AbsoluteUri} {retry}";
            string path = request.RequestUri.AbsolutePath;
            if (path.EndsWith("/missing", StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.NotFound, "{\"code\":\"NotAuthorizedOrNotFound\",\"message\":\"nope\"}", ("opc-request-id", "req-404"));
            }

            if (request.Method == HttpMethod.Delete)
            {
                var noContent = new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request };
                noContent.Headers.TryAddWithoutValidation("opc-request-id", "req-204");
                return noContent;
            }

            if (request.Method == HttpMethod.Post && path == "/search")
            {
                bool second = request.RequestUri.Query.Contains("page=p2", StringComparison.Ordinal);
                return second
                    ? Json(HttpStatusCode.OK, $"{{\"items\":[{WidgetJson}]}}")
                    : Json(HttpStatusCode.OK, $"{{\"items\":[{WidgetJson},{WidgetJson}]}}", ("opc-next-page", "p2"));
            }

            if (path.StartsWith("/dated/", StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.OK, "{\"day\":\"2026-09-12\"}");
            }

            if (path == "/instances")
            {
                return Json(HttpStatusCode.OK, "{\"sourceDetails\":{\"bootVolumeId\":\"bv-1\",\"sourceType\":\"bootVolume\"},\"more\":[{\"imageId\":\"i-2\",\"sourceType\":\"image\"}]}");
            }

            if (request.Method == HttpMethod.Put && path.StartsWith("/objects/", StringComparison.Ordinal))
            {
                var echo = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.ASCII.GetBytes(LastBody)) };
                foreach ((string name, string value) in new[] { ("etag", "e-put"), ("x-state", "active"), ("last-modified", "Tue, 15 Nov 1994 08:12:31 GMT"), ("opc-meta-a", "1") })
                {
                    // last-modified is a content header: the response headers refuse it.
                    _ = echo.Headers.TryAddWithoutValidation(name, value) || echo.Content.Headers.TryAddWithoutValidation(name, value);
                }

                return echo;
            }

            if (path.EndsWith("/actions/touch", StringComparison.Ordinal))
            {
                var accepted = new HttpResponseMessage(HttpStatusCode.Accepted);
                accepted.Headers.TryAddWithoutValidation("opc-work-request-id", "wr-1");
                return accepted;
            }

            if (request.Method == HttpMethod.Get && path == "/widgets")
            {
                bool second = request.RequestUri.Query.Contains("page=p2", StringComparison.Ordinal);
                return second
                    ? Json(HttpStatusCode.OK, $"[{WidgetJson}]")
                    : Json(HttpStatusCode.OK, $"[{WidgetJson},{WidgetJson}]", ("opc-next-page", "p2"));
            }

            return Json(HttpStatusCode.OK, WidgetJson, ("etag", "e-1"));
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach ((string name, string value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        }
    }
}
