using Microsoft.Extensions.Logging.Testing;

namespace OciRaw.Extensions.DependencyInjection.Tests;

/// <summary>Everything a log record could print: its message, every structured value, its exception.</summary>
internal static class LogText
{
    public static string Of(FakeLogRecord record) =>
        string.Join("\n", [
            record.Category ?? string.Empty,
            record.Message,
            .. (record.StructuredState ?? []).Select(pair => $"{pair.Key}={pair.Value}"),
            record.Exception?.ToString() ?? string.Empty,
        ]);
}
