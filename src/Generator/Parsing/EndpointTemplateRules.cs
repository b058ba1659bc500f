namespace OciRaw.Generator.Parsing;

/// <summary>
/// The compile-time form of the runtime's endpoint template rules (OciEndpointTemplate): an absolute https URL whose
/// placeholders are <c>{region}</c>, <c>{secondLevelDomain}</c> and option blocks <c>{name?ifOn:ifOff}</c>, with
/// <c>{region}</c> present (a template without it would send every region to the same host).
/// </summary>
internal static class EndpointTemplateRules
{
    /// <summary>What is wrong with <paramref name="template"/>, or null when it is valid.</summary>
    public static string? Problem(string? template)
    {
        if (template is null || template.Trim().Length == 0)
        {
            return "it is empty";
        }

        if (!template.StartsWith("https://", System.StringComparison.Ordinal))
        {
            return "it must start with https:// (OCI endpoints are HTTPS only)";
        }

        bool hasRegion = false;
        int position = 0;
        while (position < template.Length)
        {
            int open = template.IndexOf('{', position);
            int stray = template.IndexOf('}', position);
            if (stray >= 0 && (open < 0 || stray < open))
            {
                return $"the '}}' at {stray} has no matching '{{'";
            }

            if (open < 0)
            {
                break;
            }

            int close = template.IndexOf('}', open);
            if (close < 0)
            {
                return $"the '{{' at {open} is not closed";
            }

            string name = template.Substring(open + 1, close - open - 1);
            if (name.IndexOf('?') >= 0)
            {
                if (name.IndexOf(':') < name.IndexOf('?'))
                {
                    return $"the option block '{{{name}}}' needs the form {{option?ifOn:ifOff}}";
                }
            }
            else if (name == "region")
            {
                hasRegion = true;
            }
            else if (name != "secondLevelDomain")
            {
                return $"'{{{name}}}' is not a placeholder; use {{region}}, {{secondLevelDomain}} or {{dualStack?ifOn:ifOff}}";
            }

            position = close + 1;
        }

        return hasRegion ? null : "it has no {region} placeholder, so every region would get the same endpoint";
    }

    /// <summary>What is wrong with a service name (an endpoint prefix such as <c>identity</c>), or null.</summary>
    public static string? NameProblem(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return "it is empty";
        }

        foreach (char c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.'))
            {
                return $"'{c}' is not allowed; a service name is the lowercase host prefix of its endpoint, such as identity or objectstorage";
            }
        }

        return null;
    }
}
