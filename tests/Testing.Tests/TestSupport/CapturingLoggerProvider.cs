using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// Keeps everything logged through it: the formatted message, every structured value, the scope values and the
/// exception text, so that a test can search all of it for secrets.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Every piece of text the log holds.</summary>
    public IEnumerable<string> AllText => Entries.SelectMany(e => e.Texts);

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
    {
        private readonly AsyncLocal<List<object?>> _scopes = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            _scopes.Value ??= [];
            _scopes.Value.Add(state);
            return new Scope(_scopes.Value, state);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var texts = new List<string> { formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                texts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            texts.AddRange((_scopes.Value ?? []).Select(s => s?.ToString() ?? string.Empty));
            if (exception is not null)
            {
                texts.Add(exception.ToString());
            }

            owner._entries.Enqueue(new LogEntry(category, logLevel, texts[0], texts));
        }

        private sealed class Scope(List<object?> scopes, object? state) : IDisposable
        {
            public void Dispose() => scopes.Remove(state);
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyList<string> Texts);
