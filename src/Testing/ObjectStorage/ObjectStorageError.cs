using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>Object Storage's error answers, with the codes and the wording OCI uses.</summary>
internal static class ObjectStorageError
{
    public static Task WriteAsync(HttpContext context, ObjectStorageOutcome outcome, ObjectStorageRoute route, string? objectName = null, string? uploadId = null)
    {
        string? o = objectName ?? route.Object;
        (int status, string code, string message) = outcome switch
        {
            ObjectStorageOutcome.NamespaceNotFound => (404, "NamespaceNotFound", $"You do not have authorization to perform this request, or the namespace '{route.Namespace}' could not be found."),
            ObjectStorageOutcome.BucketNotFound => (404, "BucketNotFound", $"Either the bucket named '{route.Bucket}' does not exist in the namespace '{route.Namespace}' or you are not authorized to access it"),
            ObjectStorageOutcome.ObjectNotFound => (404, "ObjectNotFound", $"The object '{o}' was not found in the bucket '{route.Bucket}'"),
            ObjectStorageOutcome.UploadNotFound => (404, "UploadNotFound", $"The multipart upload '{uploadId}' of object '{o}' was not found in the bucket '{route.Bucket}'"),
            ObjectStorageOutcome.BucketAlreadyExists => (409, "BucketAlreadyExists", $"Either the bucket '{route.Bucket}' in namespace '{route.Namespace}' already exists or you are not authorized to create it"),
            ObjectStorageOutcome.BucketNotEmpty => (409, "BucketNotEmpty", $"Bucket named '{route.Bucket}' is not empty. Delete all objects and multipart uploads first."),
            ObjectStorageOutcome.IfMatchFailed => (412, "IfMatchFailed", $"The if-match entity tag does not match the current entity tag of '{o ?? route.Bucket}'"),
            ObjectStorageOutcome.IfNoneMatchFailed => (412, "IfNoneMatchFailed", $"The if-none-match header is '*' but the object '{o}' already exists"),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an error."),
        };
        return OciError.WriteAsync(context, status, code, message);
    }

    public static Task InvalidParameter(HttpContext context, string message) =>
        OciError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter", message);
}
