using System.Net;
using System.Security.Cryptography;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// A large request body made up as it is sent (deterministic bytes, one small buffer), so a test can upload hundreds
/// of MiB without holding them; it records the SHA-256 and MD5 of what it sent.
/// </summary>
internal sealed class GeneratedContent(long length, int seed = 1) : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    public long Length { get; } = length;

    public byte[]? Sha256 { get; private set; }

    public byte[]? Md5 { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var random = new Random(seed);
        byte[] chunk = new byte[ChunkSize];
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
#pragma warning disable CA5351 // what OCI's content-md5 will be computed from.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        for (long left = Length; left > 0; left -= ChunkSize)
        {
            int size = (int)Math.Min(ChunkSize, left);
            random.NextBytes(chunk.AsSpan(0, size));
            sha256.AppendData(chunk, 0, size);
            md5.AppendData(chunk, 0, size);
            await stream.WriteAsync(chunk.AsMemory(0, size));
        }

        Sha256 = sha256.GetHashAndReset();
        Md5 = md5.GetHashAndReset();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }
}
