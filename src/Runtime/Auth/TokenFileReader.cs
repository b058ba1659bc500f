namespace OciRaw;

/// <summary>
/// Serializes the re-reading of a token held in files (session tokens, resource principals) without making callers
/// wait while the token they hold is still valid. Such a caller skips a read another caller is doing, and a read that
/// fails (a file caught between truncate and write, say) does not reach it: it keeps its token and a later call reads
/// again once the files changed. Only a caller without a valid token waits for the read and sees its error.
/// </summary>
internal sealed class TokenFileReader
{
    private readonly object _gate = new();

    // Under _gate: the stamp of files that could not be read, so that they are not read again (per request) until they
    // change. Null after a good read.
    private object? _unreadable;

    /// <summary>How many reads ran (tests check that a refresh reads once, not once per request).</summary>
    public int ReadCount { get; private set; }

    /// <summary>
    /// Runs <paramref name="read"/> (which swaps the signer's snapshot itself, inside the gate) and returns what it
    /// returned; null when the caller should keep its current token.
    /// </summary>
    /// <param name="holdsValidToken">Whether the caller's current token is still valid.</param>
    /// <param name="stamp">What the files look like now (write times, lengths), taken before reading them.</param>
    /// <param name="read">Reads the files and swaps the snapshot; throws <see cref="OciAuthenticationException"/> when they hold no token.</param>
    public T? Read<T>(bool holdsValidToken, object stamp, Func<T> read)
        where T : class
    {
        bool entered = false;
        try
        {
            if (holdsValidToken)
            {
                Monitor.TryEnter(_gate, ref entered);
                if (!entered)
                {
                    return null;
                }
            }
            else
            {
                Monitor.Enter(_gate, ref entered);
            }

            if (holdsValidToken && stamp.Equals(_unreadable))
            {
                return null; // the same files failed before: wait for them to change
            }

            ReadCount++;
            T result = read();
            _unreadable = null;
            return result;
        }
        catch (OciAuthenticationException) when (holdsValidToken)
        {
            _unreadable = stamp;
            return null;
        }
        finally
        {
            if (entered)
            {
                Monitor.Exit(_gate);
            }
        }
    }
}
