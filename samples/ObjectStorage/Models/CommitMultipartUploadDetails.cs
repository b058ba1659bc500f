namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>The body of CommitMultipartUpload: every uploaded part is either committed or excluded.</summary>
public sealed record CommitMultipartUploadDetails(IReadOnlyList<CommitMultipartUploadPartDetails> PartsToCommit)
{
    public IReadOnlyList<int>? PartsToExclude { get; init; }
}
