namespace OciRaw.Generator.Parsing;

/// <summary>
/// Header-name rules shared by parameters and result properties: RFC 9110 tokens, <c>"prefix-*"</c> maps, and the
/// content headers a raw body may carry.
/// </summary>
internal static class HeaderNames
{
    /// <summary>The content headers a parameter may set on a raw body (the OCI SDKs' PutObject and UploadPart set these).</summary>
    public static bool IsRawBodyContentHeader(string name) => name.ToLowerInvariant() is
        "content-type" or "content-md5" or "content-length" or "content-language" or "content-encoding" or "content-disposition";

    /// <summary>True for <c>"opc-meta-*"</c>: a prefix followed by one <c>*</c>.</summary>
    public static bool IsPrefix(string name) => name.Length > 1 && name[name.Length - 1] == '*';

    /// <summary>The prefix of <c>"opc-meta-*"</c>: <c>"opc-meta-"</c>.</summary>
    public static string Prefix(string name) => name.Substring(0, name.Length - 1);

    /// <summary>Why a name with <c>*</c> is not a valid prefix, or null (also for names without <c>*</c>).</summary>
    public static string? PrefixProblem(string name)
    {
        int star = name.IndexOf('*');
        if (star < 0)
        {
            return null;
        }

        if (star != name.Length - 1)
        {
            return "'*' may only end the name, as in \"opc-meta-*\"";
        }

        return star == 0 ? "a prefix is needed before '*', as in \"opc-meta-*\"" : IsToken(Prefix(name)) ? null : $"'{Prefix(name)}' is not a valid header name prefix";
    }

    /// <summary>
    /// Why <paramref name="name"/> cannot bind a value of <paramref name="typeName"/>, or null: a <c>"prefix-*"</c>
    /// binds a string dictionary (<paramref name="mapTypes"/>), and a string dictionary needs a prefix.
    /// </summary>
    public static string? MapProblem(string name, bool isStringMap, string mapTypes, string typeName)
    {
        if (PrefixProblem(name) is { } problem)
        {
            return problem;
        }

        bool isMap = IsPrefix(name);
        return isMap == isStringMap ? null
            : isMap ? $"a header prefix binds {mapTypes}, not '{typeName}'"
            : "a dictionary binds the headers of a prefix: end the name with '*', as in \"opc-meta-*\"";
    }

    /// <summary>RFC 9110 token characters (a header name).</summary>
    public static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) && c < 128) && "!#$%&'+-.^_`|~".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
