using Microsoft.Extensions.Logging;

namespace OciRaw.Testing;

/// <summary>Settings of an <see cref="OciEmulator"/>.</summary>
public sealed class OciEmulatorOptions
{
    /// <summary>The server clock, used to check request dates (within 5 minutes) and retry-token lifetimes.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the emulator logs why it rejected a request (never secrets). Null: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The loopback port to listen on; 0 (the default) takes a free one (read it from <see cref="OciEmulator.BaseAddress"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// The folder the emulator keeps its files in (Object Storage's bytes, tenancies created without a folder), kept
    /// after the emulator is disposed. Null (the default): a temporary folder deleted on dispose.
    /// </summary>
    public string? StateDirectory { get; init; }

    /// <summary>
    /// Where the temporary files folder (<c>ociraw-emulator-*</c>) is created when there is no
    /// <see cref="StateDirectory"/>; null: the system's temporary folder. Tests point it at a folder of their own to
    /// prove that nothing is left behind.
    /// </summary>
    internal string? TemporaryRoot { get; init; }
}
