namespace OciRaw.Testing;

/// <summary>The write preconditions of PutObject and CommitMultipartUpload: <c>if-match</c> and <c>if-none-match: *</c>.</summary>
internal static class ObjectPreconditions
{
    /// <summary>Null when the headers are usable, otherwise why not (OCI accepts only <c>*</c> in a write's if-none-match).</summary>
    public static string? Read(ObjectStorageCall call, out string? ifMatch, out bool ifNoneMatchAny)
    {
        ifMatch = call.Header("if-match");
        string? ifNoneMatch = call.Header("if-none-match");
        ifNoneMatchAny = ifNoneMatch == "*";
        return ifNoneMatch is null || ifNoneMatchAny
            ? null
            : $"The if-none-match header of a write must be '*' (it is '{ifNoneMatch}').";
    }
}
