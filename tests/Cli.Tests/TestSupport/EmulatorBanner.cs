namespace OciRaw.Tests;

/// <summary>What <c>ociraw emulator</c> prints at start ("name: value" lines up to "Ready."), read as a user's script would.</summary>
internal sealed class EmulatorBanner
{
    public const string ReadyLine = "Ready.";

    private readonly Dictionary<string, string> _values;

    private EmulatorBanner(Dictionary<string, string> values) => _values = values;

    public Uri Endpoint => new(this["endpoint"]);

    public string ConfigFile => this["config file"];

    public string KeyFile => this["key file"];

    public string TenancyId => this["tenancy"];

    public string UserId => this["user"];

    public string Namespace => this["namespace"];

    public string State => this["state"];

    public string this[string name] => _values.TryGetValue(name, out string? value)
        ? value
        : throw new KeyNotFoundException($"The emulator's banner has no '{name}:' line; it has {string.Join(", ", _values.Keys)}.");

    public static EmulatorBanner Parse(string stdout)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in stdout.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith(' ') && line[..colon].All(c => char.IsAsciiLetterLower(c) || c == ' '))
            {
                values[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }

        return new EmulatorBanner(values);
    }
}
