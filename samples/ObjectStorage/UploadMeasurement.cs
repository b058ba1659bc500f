namespace OciRaw.Samples.ObjectStorage;

/// <summary>How long the multipart upload took (create, every part, commit).</summary>
public sealed record UploadMeasurement(long Bytes, int Parts, TimeSpan Elapsed)
{
    public double MibPerSecond => Bytes / (double)SampleOptions.MiB / Math.Max(Elapsed.TotalSeconds, 1e-6);
}
