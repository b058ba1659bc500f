namespace OciRaw.Samples.ObjectStorage;

/// <summary>What the walkthrough uploads and how: the size of the generated file, the parts, the parallelism.</summary>
public sealed record UploadSettings(long Size, int Parallelism)
{
    public int PartSize { get; init; } = SampleOptions.PartSize;

    /// <summary>Where the generated file is written (and deleted from); null: the system's temporary folder.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Progress on one line rewritten in place (a console), or plain lines (output redirected).</summary>
    public bool ProgressInPlace { get; init; }
}
