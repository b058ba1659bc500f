namespace OciRaw.Testing;

/// <summary>How an Object Storage operation on the store ended; every value but <see cref="Done"/> is an OCI error.</summary>
internal enum ObjectStorageOutcome
{
    Done,
    NamespaceNotFound,
    BucketNotFound,
    ObjectNotFound,
    UploadNotFound,
    BucketAlreadyExists,
    BucketNotEmpty,
    IfMatchFailed,
    IfNoneMatchFailed,
}
