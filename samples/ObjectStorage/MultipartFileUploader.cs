using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using OciRaw.Samples.ObjectStorage.Models;

namespace OciRaw.Samples.ObjectStorage;

/// <summary>
/// Uploads a file as a multipart upload: parts of <paramref name="partSize"/> bytes, <paramref name="parallelism"/> at
/// a time, each read into a buffer its worker owns (so memory is parallelism × part size, whatever the file's size),
/// sent with its <c>content-md5</c> and checked against the <c>opc-content-md5</c> the service answers. The commit's
/// <c>opc-multipart-md5</c> is checked against the one computed from the parts. On any failure the upload is
/// aborted, so no parts are left behind.
/// </summary>
public sealed class MultipartFileUploader(IObjectStorage client, string namespaceName, string bucketName, int partSize, int parallelism)
{
    /// <summary>Uploads <paramref name="path"/> as <paramref name="details"/>' object; returns the commit's answer.</summary>
    public async Task<CommitMultipartUploadResult> UploadAsync(string path, CreateMultipartUploadDetails details, Action<long>? partDone = null,
        CancellationToken cancellationToken = default)
    {
        using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        long length = RandomAccess.GetLength(file);
        int partCount = (int)Math.Max(1, (length + partSize - 1) / partSize);
        if (partCount > SampleOptions.MaxParts)
        {
            throw new ArgumentException($"'{path}' needs {partCount} parts of {partSize} bytes; Object Storage takes at most {SampleOptions.MaxParts}.", nameof(path));
        }

        MultipartUpload upload = await client.CreateMultipartUploadAsync(namespaceName, bucketName, details, cancellationToken);
        try
        {
            var parts = new CommitMultipartUploadPartDetails[partCount];
            var md5s = new byte[partCount][];
            int next = -1;
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            async Task WorkAsync()
            {
                byte[] buffer = GC.AllocateUninitializedArray<byte>((int)Math.Min(partSize, length));
                for (int index = Interlocked.Increment(ref next); index < partCount; index = Interlocked.Increment(ref next))
                {
                    long offset = (long)index * partSize;
                    Memory<byte> part = buffer.AsMemory(0, (int)Math.Min(partSize, length - offset));
                    await ReadExactlyAsync(file, part, offset, failed.Token);
                    md5s[index] = HashMd5(part.Span);
                    string md5 = Convert.ToBase64String(md5s[index]);
                    UploadPartResult result = await client.UploadPartAsync(namespaceName, bucketName, upload.ObjectName, upload.UploadId, index + 1, part, md5, failed.Token);
                    if (result.OpcContentMd5 is { } received && received != md5)
                    {
                        throw new InvalidOperationException($"Part {index + 1}: the service received MD5 {received}, the part has {md5}.");
                    }

                    parts[index] = new CommitMultipartUploadPartDetails(index + 1, result.ETag);
                    partDone?.Invoke(part.Length);
                }
            }

            async Task GuardedAsync()
            {
                try
                {
                    await WorkAsync();
                }
                catch
                {
                    // One failed part fails the upload: stop the other workers instead of letting them send theirs.
                    await failed.CancelAsync();
                    throw;
                }
            }

            Task all = Task.WhenAll(Enumerable.Range(0, Math.Min(parallelism, partCount)).Select(_ => Task.Run(GuardedAsync, CancellationToken.None)));
            try
            {
                await all;
            }
            catch when (all.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) is { } first)
            {
                // Report the part that failed, not the cancellations it caused in the others.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }

            CommitMultipartUploadResult committed = await client.CommitMultipartUploadAsync(namespaceName, bucketName, upload.ObjectName, upload.UploadId,
                new CommitMultipartUploadDetails(parts), cancellationToken);
            string expected = MultipartMd5(md5s);
            if (committed.OpcMultipartMd5 is { } answered && answered != expected)
            {
                throw new InvalidOperationException($"The service's opc-multipart-md5 is {answered}; the parts give {expected}.");
            }

            return committed;
        }
        catch
        {
            await AbortAsync(upload);
            throw;
        }
    }

    /// <summary>OCI's multipart MD5: the MD5 of the parts' binary MD5s, then '-' and the part count.</summary>
    public static string MultipartMd5(IReadOnlyList<byte[]> partMd5s) =>
        Convert.ToBase64String(HashMd5(partMd5s.SelectMany(md5 => md5).ToArray())) + "-" + partMd5s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

#pragma warning disable CA5351 // Object Storage's content-md5 is MD5 by definition: it detects corruption, it does not protect anything.
    private static byte[] HashMd5(ReadOnlySpan<byte> data) => MD5.HashData(data);
#pragma warning restore CA5351

    private static async Task ReadExactlyAsync(SafeFileHandle file, Memory<byte> buffer, long offset, CancellationToken cancellationToken)
    {
        for (int read = 0; read < buffer.Length;)
        {
            int count = await RandomAccess.ReadAsync(file, buffer[read..], offset + read, cancellationToken);
            if (count == 0)
            {
                throw new IOException($"The file ended at {offset + read} bytes while a part was read; was it changed during the upload?");
            }

            read += count;
        }
    }

    private async Task AbortAsync(MultipartUpload upload)
    {
        try
        {
            await client.AbortMultipartUploadAsync(namespaceName, bucketName, upload.ObjectName, upload.UploadId, CancellationToken.None);
        }
        catch (Exception e) when (e is OciException or HttpRequestException)
        {
            // The upload's own failure is the one to report; a stale upload is visible in the console and expires.
        }
    }
}
