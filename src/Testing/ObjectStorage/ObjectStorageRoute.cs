using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OciRaw.Testing;

/// <summary>What an Object Storage path addresses.</summary>
internal enum ObjectStorageResource
{
    Namespace,
    Buckets,
    Bucket,
    Objects,
    Object,
    Uploads,
    Upload,
    RenameObject,
    CopyObject,
    WorkRequest,
}

/// <summary>
/// An Object Storage path taken apart: <c>/n/{namespaceName}/b/{bucketName}/o/{objectName}</c> and its siblings, and
/// <c>/workRequests/{workRequestId}</c>. Segments are read from the raw request target and unescaped one by one, so an
/// object name may hold <c>/</c> either escaped (<c>%2F</c>, as the SDKs send it) or not.
/// </summary>
internal sealed record ObjectStorageRoute(ObjectStorageResource Resource, string Template, string? Namespace = null, string? Bucket = null, string? Object = null, string? WorkRequestId = null)
{
    private const string BucketTemplate = "/n/{namespaceName}/b/{bucketName}";

    /// <summary>PutObject and UploadPart: their bodies are streamed to disk, and signed without the body headers.</summary>
    public bool StreamsBody(string method) => HttpMethods.IsPut(method) && Resource is ObjectStorageResource.Object or ObjectStorageResource.Upload;

    /// <summary>The route an Object Storage request addresses, or null when the path is not Object Storage's.</summary>
    public static ObjectStorageRoute? Match(HttpRequest request)
    {
        string target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path.ToUriComponent();
        int query = target.IndexOf('?', StringComparison.Ordinal);
        string[] segments = (query < 0 ? target : target[..query]).Split('/');
        if (segments.Length < 2 || segments[0].Length != 0)
        {
            return null;
        }

        string[] parts = segments[1..];
        if (parts[0] == "workRequests")
        {
            return parts.Length == 2 && parts[1].Length > 0
                ? new(ObjectStorageResource.WorkRequest, "/workRequests/{workRequestId}", WorkRequestId: Unescape(parts[1]))
                : null;
        }

        if (parts[0] != "n")
        {
            return null;
        }

        if (parts.Length == 1 || (parts.Length == 2 && parts[1].Length == 0))
        {
            return new(ObjectStorageResource.Namespace, "/n");
        }

        string ns = Unescape(parts[1]);
        if (ns.Length == 0 || parts.Length < 3 || parts[2] != "b")
        {
            return null;
        }

        if (parts.Length == 3 || (parts.Length == 4 && parts[3].Length == 0))
        {
            return new(ObjectStorageResource.Buckets, "/n/{namespaceName}/b", ns);
        }

        string bucket = Unescape(parts[3]);
        if (bucket.Length == 0)
        {
            return null;
        }

        if (parts.Length == 4)
        {
            return new(ObjectStorageResource.Bucket, BucketTemplate, ns, bucket);
        }

        string? rest = parts.Length > 5 ? string.Join('/', parts[5..].Select(Unescape)) : null;
        return (parts[4], rest) switch
        {
            ("o", null) => new(ObjectStorageResource.Objects, BucketTemplate + "/o", ns, bucket),
            ("o", { Length: > 0 }) => new(ObjectStorageResource.Object, BucketTemplate + "/o/{objectName}", ns, bucket, rest),
            ("u", null) => new(ObjectStorageResource.Uploads, BucketTemplate + "/u", ns, bucket),
            ("u", { Length: > 0 }) => new(ObjectStorageResource.Upload, BucketTemplate + "/u/{objectName}", ns, bucket, rest),
            ("actions", "renameObject") => new(ObjectStorageResource.RenameObject, BucketTemplate + "/actions/renameObject", ns, bucket),
            ("actions", "copyObject") => new(ObjectStorageResource.CopyObject, BucketTemplate + "/actions/copyObject", ns, bucket),
            _ => null,
        };
    }

    private static string Unescape(string segment) => Uri.UnescapeDataString(segment);
}
