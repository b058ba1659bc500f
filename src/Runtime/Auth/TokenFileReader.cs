namespace OciRaw;

/// <summary>
/// Serializes the re-reading of a token held in files (session tokens, resource principals) without making callers
/// wait while the token they hold is still valid. Such a caller skips a read another caller is doing, and a read that
/// fails (a file caught between truncate and write, say) does not reach it: it keeps its token and a later call reads
/// again. Only a caller without a valid token waits for the read and sees its error.
/// </summary>
internal sealed class TokenFileReader
{
    private readonly object _gate = new();

    /// <summary>How many reads ran (tests check that a refresh reads once, not once per request).</summary>
    public int ReadCount { get; private set; }

    /// <summary>
    /// Runs <paramref name="read"/> (which swaps the signer's snapshot itself, inside the gate) and returns what it
    /// returned; null when the caller should keep its current token.
    /// </summary>
    public T? Read<T>(bool holdsValidToken, Func<T> read)
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

            ReadCount++;
            return read();
        }
        catch (OciAuthenticationException) when (holdsValidToken)
        {
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
