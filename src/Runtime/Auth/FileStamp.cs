namespace OciRaw;

/// <summary>
/// What tells that a file may have changed: its write time and its length. The length catches a rewrite in place
/// (truncate, then write) even where the file system's timestamps are too coarse to.
/// </summary>
internal readonly record struct FileStamp(DateTime WriteTimeUtc, long Length)
{
    /// <summary>The stamp of <paramref name="path"/> now; a missing or unreadable file has the default stamp.</summary>
    public static FileStamp Of(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(file.LastWriteTimeUtc, file.Length) : default;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }
}
