using Microsoft.Extensions.Logging;

namespace OciRaw.Testing;

/// <summary>Settings of an <see cref="OciEmulator"/>.</summary>
public sealed class OciEmulatorOptions
{
    /// <summary>The server clock, used to check request dates (within 5 minutes) and retry-token lifetimes.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the emulator logs why it rejected a request (never secrets). Null: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
