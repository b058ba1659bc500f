using Microsoft.Extensions.Logging;

namespace OciRaw.Cli;

/// <summary>
/// Writes the emulator's warnings (why a request was rejected with 401) to stderr, one line each, so whoever points an
/// SDK at <c>ociraw emulator</c> sees why its signature failed. The emulator logs no secrets.
/// </summary>
internal sealed class StderrLoggerProvider(TextWriter stderr) : ILoggerProvider, ILogger
{
    private readonly object _gate = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        lock (_gate)
        {
            stderr.WriteLine($"{logLevel}: {formatter(state, exception)}");
        }
    }

    public void Dispose()
    {
    }
}
