using System.Net;
using System.Security.Cryptography;
using OciRaw.Testing.Tests.TestSupport;
using Xunit.Abstractions;
using static OciRaw.Testing.Tests.TestSupport.ObjectStorageSession;

namespace OciRaw.Testing.Tests.ObjectStorage;

/// <summary>Tests that read the process-wide allocation counter, so nothing else may run beside them.</summary>
[CollectionDefinition(nameof(AllocationMeasuring), DisableParallelization = true)]
public sealed class AllocationMeasuring;

/// <summary>
/// A large object goes through the emulator without being held in memory: PutObject streams it to a file, GetObject
/// streams it back. Measured with the allocation counter: a buffered body would allocate at least its own size.
/// </summary>
[Collection(nameof(AllocationMeasuring))]
public sealed class StreamingTests(ITestOutputHelper output)
{
    private const long Size = 64L * 1024 * 1024;

    // Far below the 64 MiB a single buffered copy of the body would allocate, far above the pooled buffers streaming uses.
    private const long AllocationBudget = 16L * 1024 * 1024;

    [Fact]
    public async Task A_64_MiB_object_is_streamed_to_disk_and_back_without_being_held_in_memory()
    {
        await using ObjectStorageSession session = await ObjectStorageSession.StartAsync();
        await session.CreateBucketAsync("big");
        await session.PutAsync("big", "warm-up", new byte[1024]); // JIT and connection set-up are not what is measured
        await session.GetBytesAsync("big", "warm-up");
        var content = new GeneratedContent(Size);

        long beforeUpload = GC.GetTotalAllocatedBytes(precise: true);
        using (HttpResponseMessage put = await session.PutObjectAsync("big", "large.bin", content))
        {
            await EnsureAsync(put, HttpStatusCode.OK);
            Assert.Equal(Convert.ToBase64String(content.Md5!), Header(put, "opc-content-md5"));
        }

        long uploadAllocated = GC.GetTotalAllocatedBytes(precise: true) - beforeUpload;
        FileInfo stored = session.StoredFiles().Select(f => new FileInfo(f)).Single(f => f.Length == Size);

        long beforeDownload = GC.GetTotalAllocatedBytes(precise: true);
        byte[] downloadedSha256;
        using (HttpResponseMessage got = await session.SendAsync(HttpMethod.Get, session.ObjectPath("big", "large.bin")))
        {
            Assert.Equal(HttpStatusCode.OK, got.StatusCode);
            Assert.Equal(Convert.ToBase64String(content.Md5!), Header(got, "content-md5"));
            await using Stream body = await got.Content.ReadAsStreamAsync();
            downloadedSha256 = await SHA256.HashDataAsync(body);
        }

        long downloadAllocated = GC.GetTotalAllocatedBytes(precise: true) - beforeDownload;
        output.WriteLine($"{Size} bytes: upload allocated {uploadAllocated} bytes, download {downloadAllocated} bytes (client and emulator together).");
        Assert.True(uploadAllocated < AllocationBudget, $"Uploading {Size} bytes allocated {uploadAllocated} bytes: the body was buffered somewhere.");
        Assert.True(downloadAllocated < AllocationBudget, $"Downloading {Size} bytes allocated {downloadAllocated} bytes: the body was buffered somewhere.");
        Assert.StartsWith(session.Emulator.ObjectStorageDirectory, stored.FullName, StringComparison.Ordinal);
        Assert.Equal(content.Sha256, downloadedSha256);
    }
}
