namespace OciRaw;

/// <summary>One <c>key = value</c> line of a config file, with where it came from.</summary>
internal sealed record ConfigEntry(string Key, string Value, int Line, string Section);
