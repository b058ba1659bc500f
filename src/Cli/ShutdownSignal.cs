using System.Runtime.InteropServices;

namespace OciRaw.Cli;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation, so a long-running command can clean up and return 0 instead
/// of being killed with its temporary files left behind.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];
    }

    /// <summary>Cancelled by a signal or by the caller's token.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true; // the command ends itself, after cleaning up
        _stop.Cancel();
    });
}
