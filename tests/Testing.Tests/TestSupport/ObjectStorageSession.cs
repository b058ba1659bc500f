using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// Object Storage on the emulator through raw signed requests, as a user without a generated client would call it:
/// an HttpClient over <see cref="OciSigningHandler"/> (no wire tap, so bodies stream), the tenancy's namespace, and
/// helpers that build OCI's paths. PutObject and UploadPart are signed with <see cref="OciSigningStrategy.ExcludeBody"/>.
/// </summary>
internal sealed class ObjectStorageSession : IAsyncDisposable
{
    private ObjectStorageSession(EmulatorContext context, HttpClient http, string ns)
    {
        Context = context;
        Http = http;
        Namespace = ns;
    }

    public EmulatorContext Context { get; }

    public OciEmulator Emulator => Context.Emulator;

    public HttpClient Http { get; }

    public string Namespace { get; }

    public static async Task<ObjectStorageSession> StartAsync(OciEmulatorOptions? options = null)
    {
        EmulatorContext context = await EmulatorContext.StartAsync(options);
        // Not EmulatorContext.Http: its wire tap reads every body into memory, and these bodies must stream.
        var http = new HttpClient(new OciSigningHandler(context.Signer)) { BaseAddress = context.Emulator.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using HttpResponseMessage response = await http.GetAsync("/n/");
        string ns = JsonSerializer.Deserialize<string>(await EnsureAsync(response, HttpStatusCode.OK))!;
        return new ObjectStorageSession(context, http, ns);
    }

    public string BucketPath(string bucket) => $"/n/{Namespace}/b/{Uri.EscapeDataString(bucket)}";

    public string ObjectPath(string bucket, string name) => $"{BucketPath(bucket)}/o/{Uri.EscapeDataString(name)}";

    public string UploadPath(string bucket, string name) => $"{BucketPath(bucket)}/u/{Uri.EscapeDataString(name)}";

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, IEnumerable<KeyValuePair<string, string>>? headers = null, bool excludeBody = false)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (KeyValuePair<string, string> header in headers ?? [])
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                content!.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (excludeBody)
        {
            request.SetOciSigningStrategy(OciSigningStrategy.ExcludeBody);
        }

        return Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync(method, path, new StringContent(json, Encoding.UTF8, "application/json"), headers);

    public async Task<JsonElement> CreateBucketAsync(string name)
    {
        using HttpResponseMessage response = await SendJsonAsync(HttpMethod.Post, $"/n/{Namespace}/b",
            JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = name, ["compartmentId"] = Context.Tenancy.TenancyId }));
        return JsonDocument.Parse(await EnsureAsync(response, HttpStatusCode.OK)).RootElement.Clone();
    }

    /// <summary>PutObject, signed without the body; returns the answer (the caller disposes it).</summary>
    public Task<HttpResponseMessage> PutObjectAsync(string bucket, string name, byte[] content, params (string Name, string Value)[] headers) =>
        PutObjectAsync(bucket, name, new ByteArrayContent(content), headers);

    public Task<HttpResponseMessage> PutObjectAsync(string bucket, string name, HttpContent content, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Put, ObjectPath(bucket, name), content, headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)), excludeBody: true);

    /// <summary>PutObject that must succeed; returns its ETag.</summary>
    public async Task<string> PutAsync(string bucket, string name, byte[] content, params (string Name, string Value)[] headers)
    {
        using HttpResponseMessage response = await PutObjectAsync(bucket, name, content, headers);
        await EnsureAsync(response, HttpStatusCode.OK);
        return Header(response, "etag")!;
    }

    public async Task<byte[]> GetBytesAsync(string bucket, string name)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, ObjectPath(bucket, name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The files the emulator keeps object and part bytes in.</summary>
    public string[] StoredFiles() => Directory.GetFiles(Emulator.ObjectStorageDirectory);

    /// <summary>A response or content header (content headers included), or null.</summary>
    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values) || response.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? values.ToString()
            : null;

    /// <summary>Asserts the status; returns the body text.</summary>
    public static async Task<string> EnsureAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body;
    }

#pragma warning disable CA5351 // OCI's content-md5 is MD5 by definition: the test computes what the service must answer.
    public static string Md5Base64(byte[] bytes) => Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(bytes));
#pragma warning restore CA5351

    public static MediaTypeHeaderValue OctetStream => new("application/octet-stream");

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        return Context.DisposeAsync();
    }
}
