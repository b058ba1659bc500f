using System.Security.Cryptography;

namespace OciRaw.Testing;

/// <summary>One in-progress multipart upload: where its object will go, the headers it was created with, and its parts.</summary>
internal sealed class MultipartUpload(string ns, string bucket, string objectName, ObjectContentHeaders headers, DateTimeOffset timeCreated)
{
    public const int MinPartNumber = 1;
    public const int MaxPartNumber = 10000;

    public string UploadId { get; } = Guid.NewGuid().ToString("D");

    public string Namespace { get; } = ns;

    public string Bucket { get; } = bucket;

    public string ObjectName { get; } = objectName;

    public ObjectContentHeaders Headers { get; } = headers;

    public DateTimeOffset TimeCreated { get; } = timeCreated;

    /// <summary>The uploaded parts by number; a part uploaded again replaces the earlier one.</summary>
    public SortedDictionary<int, UploadedPart> Parts { get; } = [];

    /// <summary>Set once a commit has taken the parts: later uploads and commits of this upload fail.</summary>
    public bool Committing { get; set; }

    /// <summary>OCI's <c>opc-multipart-md5</c>: base64 MD5 of the parts' MD5 digests joined in order, then <c>-</c> and the count.</summary>
    public static string MultipartMd5(IReadOnlyList<BlobFile> parts)
    {
        byte[] digests = parts.SelectMany(part => part.Md5).ToArray();
#pragma warning disable CA5351 // OCI defines the multipart checksum with MD5; it identifies content, it does not protect it.
        return Convert.ToBase64String(MD5.HashData(digests)) + "-" + parts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning restore CA5351
    }
}

/// <summary>One uploaded part: its bytes on disk and the ETag UploadPart answered with.</summary>
internal sealed record UploadedPart(int PartNumber, BlobFile Blob, string ETag);
