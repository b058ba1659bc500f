using System.Reflection;
using System.Runtime.InteropServices;

namespace OciRaw;

/// <summary>
/// The <c>User-Agent</c> every request carries, as each OCI SDK sends its own: <c>OciRaw/&lt;version&gt; (&lt;runtime&gt;;
/// &lt;os&gt;)</c>, followed by <c>OCI_SDK_APPEND_USER_AGENT</c> when that is set (read once per process).
/// </summary>
public static class OciUserAgent
{
    /// <summary>The environment variable whose value is appended, as in every OCI SDK.</summary>
    public const string AppendEnvironmentVariable = "OCI_SDK_APPEND_USER_AGENT";

    /// <summary>The value sent.</summary>
    public static string Value { get; } = Build();

    internal const string HeaderName = "User-Agent";

    /// <summary>Adds the header unless the request or the caller already set one.</summary>
    internal static void AddIfMissing(HttpRequestMessage request)
    {
        if (!request.Headers.NonValidated.Contains(HeaderName))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, Value);
        }
    }

    private static string Build()
    {
        string version = typeof(OciUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        version = plus >= 0 ? version[..plus] : version; // the commit hash is noise in a header
        string agent = $"OciRaw/{version} ({Clean(RuntimeInformation.FrameworkDescription)}; {Clean(RuntimeInformation.OSDescription)})";
        return Environment.GetEnvironmentVariable(AppendEnvironmentVariable) is { } append && Clean(append) is { Length: > 0 } extra
            ? agent + " " + extra
            : agent;
    }

    /// <summary>Parentheses would end the comment early and control characters cannot be sent: both are dropped.</summary>
    private static string Clean(string text) =>
        new string(text.Where(c => c is not ('(' or ')') && !char.IsControl(c)).ToArray()).Trim();
}
