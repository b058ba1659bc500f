namespace OciRaw;

/// <summary>One problem found in a config profile: the key it concerns, the line (when the key is present) and what is wrong.</summary>
public sealed class OciConfigProblem
{
    internal OciConfigProblem(string? key, int? line, string message)
    {
        Key = key;
        Line = line;
        Message = message;
    }

    /// <summary>The config key, lowercase; null for problems of the file itself (syntax, missing profile).</summary>
    public string? Key { get; }

    /// <summary>1-based line number in the config file, when the problem has a place.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => (Line, Key) switch
    {
        (int line, string key) => $"line {line}, {key}: {Message}",
        (int line, null) => $"line {line}: {Message}",
        (null, string key) => $"{key}: {Message}",
        _ => Message,
    };
}
