using System.Net;
using System.Net.Sockets;

namespace OciRaw.TestSupport;

/// <summary>
/// The socket half of a loopback test server: listens on a free port, hands each accepted connection to
/// <c>serve</c> on a task of its own, and on dispose stops accepting and waits for the accept loop to end. The servers
/// built on it differ only in how they read requests and write answers.
/// </summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    /// <summary>Starts listening at once; <paramref name="serve"/> owns (and disposes) each connection it is given.</summary>
    public LoopbackListener(Func<TcpClient, Task> serve, IPAddress? address = null)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync(serve);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Cancelled when the server stops, so that reads of open connections end with it.</summary>
    public CancellationToken Stopping => _stop.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the pending accept this way.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(Func<TcpClient, Task> serve)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => serve(client));
        }
    }
}
