namespace OciRaw.Tests;

/// <summary>
/// A fact that needs Node.js and npm on PATH (tests that drive the emulator with Oracle's OCI TypeScript SDK). Without
/// them it is skipped with the reason, never silently passed.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        string[] missing = [.. new[] { "node", "npm" }.Where(tool => FindOnPath(tool) is null)];
        if (missing.Length > 0)
        {
            Skip = $"{string.Join(" and ", missing)} not found on PATH: install Node.js 18+ to run the OCI TypeScript SDK against ociraw emulator.";
        }
    }

    public static string? FindOnPath(string tool)
    {
        string[] names = OperatingSystem.IsWindows() ? [tool + ".exe", tool + ".cmd"] : [tool];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}
