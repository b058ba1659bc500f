using System.Collections.Generic;
using OciRaw.Shared;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// What the generator requires of an <c>[OciService]</c> endpoint template beyond its grammar (EndpointTemplateSyntax,
/// shared with the runtime): an absolute https URL with <c>{region}</c> present (a template without it would send
/// every region to the same host).
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

        var parts = new List<EndpointTemplatePart>();
        if (EndpointTemplateSyntax.Split(template, parts) is { } problem)
        {
            return problem;
        }

        foreach (EndpointTemplatePart part in parts)
        {
            if (part.IsPlaceholder && part.Text == EndpointTemplateSyntax.RegionPlaceholder)
            {
                return null;
            }
        }

        return "it has no {region} placeholder, so every region would get the same endpoint";
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
