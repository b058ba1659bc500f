using System.Security.Cryptography;

namespace OciRaw.Testing;

/// <summary>
/// Bytes the emulator keeps on disk (an object's content or an uploaded part), never in memory: the file, its length
/// and its MD5. Files are written once and never changed, so readers need no lock.
/// </summary>
internal sealed record BlobFile(string Path, long Length, byte[] Md5)
{
    private const int BufferSize = 81920;

    public string Md5Base64 => Convert.ToBase64String(Md5);

    /// <summary>Opens the bytes for reading; the file may be deleted meanwhile (a replaced object) without failing the read.</summary>
    public FileStream OpenRead() =>
        new(Path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read | FileShare.Delete, BufferSize = 0, Options = FileOptions.Asynchronous });

    /// <summary>Deletes the file; a file still open for reading goes when its reader closes it.</summary>
    public void Delete()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Still open on a platform without delete-on-close semantics: the emulator's folder goes on dispose.
        }
    }

    /// <summary>
    /// Streams <paramref name="source"/> to a new file in <paramref name="directory"/>, hashing as it goes (MD5, and
    /// SHA-256 for a signed <c>x-content-sha256</c>). Deletes the file when the copy fails.
    /// </summary>
    public static async Task<(BlobFile Blob, byte[] Sha256)> WriteAsync(Stream source, string directory, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        BlobFile blob = await WriteAsync([source], directory, sha256, cancellationToken).ConfigureAwait(false);
        return (blob, sha256.GetHashAndReset());
    }

    /// <summary>Joins <paramref name="parts"/> into one new file, in order (a committed multipart upload).</summary>
    public static async Task<BlobFile> ConcatenateAsync(IReadOnlyList<BlobFile> parts, string directory, CancellationToken cancellationToken)
    {
        var sources = new List<Stream>(parts.Count);
        try
        {
            foreach (BlobFile part in parts)
            {
                sources.Add(part.OpenRead());
            }

            return await WriteAsync(sources, directory, extraHash: null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (Stream source in sources)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<BlobFile> WriteAsync(IReadOnlyList<Stream> sources, string directory, IncrementalHash? extraHash, CancellationToken cancellationToken)
    {
        string path = System.IO.Path.Combine(directory, Guid.NewGuid().ToString("N"));
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        long length = 0;
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                foreach (Stream source in sources)
                {
                    int read;
                    while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        md5.AppendData(buffer, 0, read);
                        extraHash?.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        length += read;
                    }
                }
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return new BlobFile(path, length, md5.GetHashAndReset());
    }

    /// <summary>A copy of this blob in a new file (CopyObject: the copy outlives the source).</summary>
    public BlobFile CopyTo(string directory)
    {
        string path = System.IO.Path.Combine(directory, Guid.NewGuid().ToString("N"));
        File.Copy(Path, path);
        return this with { Path = path };
    }
}
