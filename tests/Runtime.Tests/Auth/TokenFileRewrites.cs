using System.Collections.Concurrent;
using System.Text;

namespace OciRaw.Tests.Auth;

/// <summary>
/// Rewrites a token file the way <c>oci session refresh</c> and the resource-principal agents do: in place (open for
/// write, truncate, write), while worker loops ask a signer for credentials. Between the truncate and the write it
/// waits until the workers have asked many times, so the empty file is certainly seen.
/// </summary>
internal sealed class TokenFileRewrites : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private int _served;
    private int _errors;

    /// <summary>Starts <paramref name="workers"/> loops that call <paramref name="signer"/>, recording every keyId they get.</summary>
    public TokenFileRewrites(OciSigner signer, int workers)
    {
        _workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    OciCredentials credentials = await signer.GetCredentialsAsync();
                    KeyIdsSeen.TryAdd(credentials.KeyId, 0);
                    Interlocked.Increment(ref _served);
                }
                catch (OciAuthenticationException e)
                {
                    Interlocked.Increment(ref _errors);
                    ErrorMessages.Enqueue(e.Message);
                }

                await Task.Yield();
            }
        }))];
    }

    public int Served => Volatile.Read(ref _served);

    public int Errors => Volatile.Read(ref _errors);

    public ConcurrentQueue<string> ErrorMessages { get; } = new();

    public ConcurrentDictionary<string, byte> KeyIdsSeen { get; } = new(StringComparer.Ordinal);

    /// <summary>Truncates <paramref name="path"/>, lets the workers be served <paramref name="callsWhileEmpty"/> times, then writes <paramref name="text"/>.</summary>
    public async Task RewriteInPlaceAsync(string path, string text, int callsWhileEmpty)
    {
        await using (var file = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
        {
            await file.FlushAsync();
            int before = Served + Errors;
            await WaitUntilAsync(() => Served + Errors >= before + callsWhileEmpty, "the workers to call while the file is empty");
            await file.WriteAsync(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>Waits until the workers have been served <paramref name="calls"/> more times.</summary>
    public async Task LetWorkersRunAsync(int calls)
    {
        int before = Served;
        await WaitUntilAsync(() => Served >= before + calls, $"the workers to be served {calls} times");
    }

    /// <summary>Polls (real time, at most 20 s) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        _stop.Dispose();
    }
}
