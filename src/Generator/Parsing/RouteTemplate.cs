using System.Collections.Generic;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>Parses <c>"VERB /path/{param}"</c> into a verb and route parts, or says what is wrong with it.</summary>
internal sealed class RouteTemplate
{
    private static readonly HashSet<string> Verbs = new() { "GET", "HEAD", "DELETE", "POST", "PUT", "PATCH" };
    private static readonly char[] ForbiddenInPath = { '?', '#', ' ' };

    private RouteTemplate(string verb, List<RoutePart> parts)
    {
        Verb = verb;
        Parts = parts;
    }

    public string Verb { get; }

    public List<RoutePart> Parts { get; }

    /// <summary>The route with placeholders blanked, so <c>/a/{x}</c> and <c>/a/{y}</c> compare equal.</summary>
    public string Shape
    {
        get
        {
            var text = new System.Text.StringBuilder(Verb).Append(' ');
            foreach (RoutePart part in Parts)
            {
                text.Append(part.IsParameter ? "{}" : part.Text);
            }

            return text.ToString();
        }
    }

    public static RouteTemplate? TryParse(string? route, out string error)
    {
        error = string.Empty;
        if (route is null || route.Trim().Length == 0)
        {
            error = "it is empty; write \"VERB /path\", e.g. \"GET /20160918/users/{userId}\"";
            return null;
        }

        string text = route.Trim();
        int space = text.IndexOf(' ');
        if (space < 0)
        {
            error = "it needs a verb and a path separated by a space, e.g. \"GET /20160918/users\"";
            return null;
        }

        string verb = text.Substring(0, space);
        string path = text.Substring(space + 1).Trim();
        if (!Verbs.Contains(verb))
        {
            error = $"'{verb}' is not one of GET, HEAD, DELETE, POST, PUT, PATCH (upper case)";
            return null;
        }

        if (!path.StartsWith("/", System.StringComparison.Ordinal))
        {
            error = $"the path '{path}' must start with '/'";
            return null;
        }

        if (path.IndexOfAny(ForbiddenInPath) is int bad and >= 0)
        {
            error = $"the path contains '{path[bad]}'; put query parameters on parameters with [OciQuery]";
            return null;
        }

        var parts = new List<RoutePart>();
        int literalStart = 0;
        for (int i = 0; i < path.Length; i++)
        {
            if (path[i] == '}')
            {
                error = $"'}}' at position {i + 1} of the path has no matching '{{'";
                return null;
            }

            if (path[i] != '{')
            {
                continue;
            }

            int close = path.IndexOf('}', i + 1);
            int nestedOpen = path.IndexOf('{', i + 1);
            if (close < 0 || (nestedOpen >= 0 && nestedOpen < close))
            {
                error = $"'{{' at position {i + 1} of the path is not closed by '}}'";
                return null;
            }

            string name = path.Substring(i + 1, close - i - 1);
            if (!IsIdentifier(name))
            {
                error = $"'{{{name}}}' is not a placeholder: it must be a parameter name";
                return null;
            }

            if (i > literalStart)
            {
                parts.Add(new RoutePart(false, path.Substring(literalStart, i - literalStart)));
            }

            parts.Add(new RoutePart(true, name));
            literalStart = close + 1;
            i = close;
        }

        if (literalStart < path.Length)
        {
            parts.Add(new RoutePart(false, path.Substring(literalStart)));
        }

        return new RouteTemplate(verb, parts);
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
