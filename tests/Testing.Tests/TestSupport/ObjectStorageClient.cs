using System.Net;
using System.Security.Cryptography;
using OciRaw.Samples.ObjectStorage;
using OciRaw.Samples.ObjectStorage.Models;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// Object Storage on the emulator through the generated client, built as an application builds it:
/// <c>IObjectStorage.Create(signer, region, options)</c> with the emulator as the endpoint. A
/// <see cref="WireTapHandler"/> is the transport, so tests see what was sent (it buffers bodies: keep them small).
/// </summary>
internal sealed class ObjectStorageClient : IAsyncDisposable
{
    private ObjectStorageClient(EmulatorContext context, WireTapHandler tap, IObjectStorage client, string ns)
    {
        Context = context;
        Tap = tap;
        Client = client;
        Namespace = ns;
    }

    public EmulatorContext Context { get; }

    public OciEmulator Emulator => Context.Emulator;

    public WireTapHandler Tap { get; }

    public IObjectStorage Client { get; }

    public string Namespace { get; }

    public string CompartmentId => Context.Tenancy.TenancyId;

    public static async Task<ObjectStorageClient> StartAsync()
    {
        EmulatorContext context = await EmulatorContext.StartAsync();
        var tap = new WireTapHandler();
        IObjectStorage client = IObjectStorage.Create(context.Signer, context.Tenancy.Region,
            new OciClientOptions { Endpoint = context.Emulator.BaseAddress, InnerHandler = tap, Retry = OciRetryOptions.None });
        return new ObjectStorageClient(context, tap, client, await client.GetNamespaceAsync());
    }

    public Task<OciResponse<Bucket>> CreateBucketAsync(string name) =>
        Client.CreateBucketAsync(Namespace, new CreateBucketDetails(name, CompartmentId));

    public async Task<PutObjectResult> PutAsync(string bucket, string name, byte[] content, IReadOnlyDictionary<string, string>? metadata = null, string? contentType = null)
    {
        using var body = new MemoryStream(content);
        return await Client.PutObjectAsync(Namespace, bucket, name, body, contentMd5: Md5(content), contentType: contentType, opcMeta: metadata);
    }

    public async Task<byte[]> GetBytesAsync(string bucket, string name)
    {
        using GetObjectResult result = await Client.GetObjectAsync(Namespace, bucket, name);
        using var copy = new MemoryStream();
        await result.Content.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>The last request sent to <paramref name="method"/> on a path containing <paramref name="pathPart"/>.</summary>
    public SentRequest LastSent(string method, string pathPart) =>
        Tap.Sent.Last(r => r.Method == method && r.Uri.AbsolutePath.Contains(pathPart, StringComparison.Ordinal));

    /// <summary>
    /// Asserts that <paramref name="call"/> fails with OCI's error: the status, the service code, and the
    /// opc-request-id of the request that failed (the one the client generated and the service echoed).
    /// </summary>
    public async Task<OciServiceException> FailsAsync(Func<Task> call, HttpStatusCode status, string code)
    {
        int sentBefore = Tap.Sent.Count;
        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(call);
        Assert.Equal(status, e.StatusCode);
        Assert.Equal(code, e.ServiceCode);
        Assert.Equal(sentBefore + 1, Tap.Sent.Count);
        string? sentId = Tap.Sent[^1].Header("opc-request-id");
        Assert.Matches("^[0-9A-F]{32}$", sentId);
        Assert.Equal(sentId, e.OpcRequestId);
        return e;
    }

    /// <summary>The files the emulator keeps object and part bytes in.</summary>
    public string[] StoredFiles() => Directory.GetFiles(Emulator.ObjectStorageDirectory);

#pragma warning disable CA5351 // OCI's content-md5 is MD5 by definition.
    public static string Md5(byte[] bytes) => Convert.ToBase64String(MD5.HashData(bytes));
#pragma warning restore CA5351

    public static byte[] Filled(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 + seed)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        Tap.Dispose();
    }
}
