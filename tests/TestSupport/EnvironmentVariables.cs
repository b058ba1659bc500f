namespace OciRaw.TestSupport;

/// <summary>Sets environment variables for one test and restores the previous values on dispose.</summary>
public sealed class EnvironmentVariables : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new(StringComparer.Ordinal);

    /// <summary>Sets <paramref name="name"/> (null removes it), remembering the original value the first time.</summary>
    public EnvironmentVariables Set(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach ((string name, string? value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
