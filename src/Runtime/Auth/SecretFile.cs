namespace OciRaw;

/// <summary>Reads the small text files that hold tokens and keys; a failure names the file, never its content.</summary>
internal static class SecretFile
{
    /// <summary>
    /// The file's text, trimmed: the OCI CLI writes tokens without a newline, but editors and scripts add one.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="describe">Turns what went wrong ("does not exist.", "is empty.", ...) into the whole message.</param>
    public static string ReadTrimmed(string path, Func<string, string> describe)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OciAuthenticationException(describe("does not exist."), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OciAuthenticationException(describe("cannot be read: " + e.Message), e);
        }

        return text.Length > 0 ? text : throw new OciAuthenticationException(describe("is empty."));
    }
}
