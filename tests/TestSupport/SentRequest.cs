namespace OciRaw.TestSupport;

/// <summary>A request as the wire tap saw it leave.</summary>
public sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>A parameter of the Signature Authorization header, e.g. <c>signature</c> or <c>headers</c>.</summary>
    public string AuthorizationParameter(string name)
    {
        string authorization = Header("Authorization") ?? throw new InvalidOperationException("The request was not signed.");
        string marker = name + "=\"";
        int start = authorization.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return authorization[start..authorization.IndexOf('"', start)];
    }
}
