using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>
/// One authenticated Object Storage request: the route, the caller (tenancy and principal), the body when it was read
/// up front, and for a streamed body the headers the signature covered, checked by <see cref="VerifyStreamedBody"/>
/// once the bytes have arrived.
/// </summary>
internal sealed record ObjectStorageCall(
    HttpContext Context,
    ObjectStorageRoute Route,
    string Tenancy,
    string Principal,
    byte[] Body,
    IReadOnlyList<string> SignedHeaders,
    Func<string, Task> RejectAsync)
{
    public HttpRequest Request => Context.Request;

    public HttpResponse Response => Context.Response;

    public string? Query(string name) => Request.Query[name].FirstOrDefault();

    public string? Header(string name) => Request.Headers[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>True when the streamed body matches the signed <c>content-length</c> / <c>x-content-sha256</c>; otherwise answers 401 and returns false.</summary>
    public async Task<bool> VerifyStreamedBody(BlobFile blob, byte[] sha256)
    {
        if (SignatureVerifier.CheckBody(Request, SignedHeaders, blob.Length, () => sha256) is not { } failure)
        {
            return true;
        }

        blob.Delete();
        await RejectAsync(failure).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Streams the body to a file and checks it: the signed body headers (401), then <c>content-md5</c> when sent (400
    /// UnmatchedContentMD5, as OCI). Null after answering an error (the file is then already deleted).
    /// </summary>
    public async Task<BlobFile?> ReceiveBodyAsync(string directory)
    {
        // OCI takes up to 50 GiB in one PutObject; Kestrel's default limit (30 MB) is for the JSON APIs.
        if (Context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = 50L * 1024 * 1024 * 1024;
        }

        (BlobFile blob, byte[] sha256) = await BlobFile.WriteAsync(Request.Body, directory, Context.RequestAborted).ConfigureAwait(false);
        if (!await VerifyStreamedBody(blob, sha256).ConfigureAwait(false))
        {
            return null;
        }

        if (Header("content-md5") is { } sentMd5 && sentMd5 != blob.Md5Base64)
        {
            blob.Delete();
            await OciError.WriteAsync(Context, StatusCodes.Status400BadRequest, "UnmatchedContentMD5",
                $"The computed MD5 of the request body ({blob.Md5Base64}) does not match the Content-MD5 header ({sentMd5})").ConfigureAwait(false);
            return null;
        }

        return blob;
    }
}
