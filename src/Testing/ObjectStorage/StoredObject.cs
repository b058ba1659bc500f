namespace OciRaw.Testing;

/// <summary>
/// One object of a bucket. Its ETag is a fresh UUID on every write, as OCI's is (not a hash of the content). A
/// multipart object has no content MD5 header but <see cref="MultipartMd5"/>: the base64 MD5 of its parts' MD5 digests
/// joined in order, then <c>-</c> and the part count.
/// </summary>
internal sealed record StoredObject(
    string Name,
    BlobFile Blob,
    string ETag,
    string? MultipartMd5,
    ObjectContentHeaders Headers,
    DateTimeOffset TimeCreated,
    DateTimeOffset TimeModified)
{
    /// <summary>What ListObjects reports as <c>md5</c>: the content MD5, or the multipart MD5 for a multipart object.</summary>
    public string ListedMd5 => MultipartMd5 ?? Blob.Md5Base64;

    public static string NewETag() => Guid.NewGuid().ToString("D");
}
