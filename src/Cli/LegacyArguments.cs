namespace OciRaw.Cli;

/// <summary>
/// Keeps command lines written for earlier ociraw versions working. <c>--request-body @path</c> sent a file's bytes;
/// a leading <c>@</c> now names a response file (System.CommandLine), so that one spelling becomes <c>file://path</c>.
/// </summary>
internal static class LegacyArguments
{
    public static string[] Rewrite(string[] args)
    {
        string[] rewritten = (string[])args.Clone();
        for (int i = 0; i + 1 < rewritten.Length; i++)
        {
            if (rewritten[i] == "--request-body" && rewritten[i + 1].StartsWith('@'))
            {
                rewritten[i + 1] = RequestBodySource.FilePrefix + rewritten[i + 1][1..];
            }
        }

        return rewritten;
    }
}
