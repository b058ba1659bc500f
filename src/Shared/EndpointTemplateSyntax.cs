// Compiled into both the runtime (which expands endpoint templates) and the generator (which refuses a bad
// [OciService] template at compile time), so the two can never disagree on what a valid template is. Keep it
// netstandard2.0-compatible and free of dependencies.
using System.Collections.Generic;

namespace OciRaw.Shared;

/// <summary>
/// The grammar of a service endpoint template (spec §7.5): literal text, placeholders <c>{region}</c> and
/// <c>{secondLevelDomain}</c>, and option blocks <c>{option?ifOn:ifOff}</c>, of which only <c>dualStack</c> is defined;
/// another option is accepted and expands to nothing, as the OCI SDKs do.
/// </summary>
internal static class EndpointTemplateSyntax
{
    public const string RegionPlaceholder = "region";

    public const string SecondLevelDomainPlaceholder = "secondLevelDomain";

    public const string DualStackOption = "dualStack";

    /// <summary>
    /// Splits <paramref name="template"/> into <paramref name="parts"/>, in order, and returns null; or returns what is
    /// wrong with it (a phrase such as <c>the '{' at 9 is not closed</c>, without the template itself).
    /// </summary>
    public static string? Split(string template, List<EndpointTemplatePart> parts)
    {
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
                parts.Add(EndpointTemplatePart.Literal(template.Substring(position)));
                return null;
            }

            int close = template.IndexOf('}', open);
            if (close < 0)
            {
                return $"the '{{' at {open} is not closed";
            }

            if (open > position)
            {
                parts.Add(EndpointTemplatePart.Literal(template.Substring(position, open - position)));
            }

            string name = template.Substring(open + 1, close - open - 1);
            if (ParsePlaceholder(name) is { } problem)
            {
                return problem;
            }

            parts.Add(EndpointTemplatePart.Placeholder(name));
            position = close + 1;
        }

        return null;
    }

    /// <summary>
    /// For an option block's text (<c>dualStack?ds.oci.:</c>): true with the option's name and its two texts;
    /// false for a plain placeholder. <see cref="Split"/> has already refused a malformed block.
    /// </summary>
    public static bool IsOptionBlock(string placeholder, out string option, out string ifOn, out string ifOff)
    {
        int question = placeholder.IndexOf('?');
        int colon = question < 0 ? -1 : placeholder.IndexOf(':', question);
        if (colon < 0)
        {
            option = ifOn = ifOff = string.Empty;
            return false;
        }

        option = placeholder.Substring(0, question);
        ifOn = placeholder.Substring(question + 1, colon - question - 1);
        ifOff = placeholder.Substring(colon + 1);
        return true;
    }

    private static string? ParsePlaceholder(string name)
    {
        if (name.IndexOf('?') is var question and >= 0)
        {
            return name.IndexOf(':', question) < 0
                ? $"the option block '{{{name}}}' needs the form {{option?ifOn:ifOff}}"
                : null;
        }

        return name is RegionPlaceholder or SecondLevelDomainPlaceholder
            ? null
            : $"'{{{name}}}' is not a placeholder; use {{region}}, {{secondLevelDomain}} or {{dualStack?ifOn:ifOff}}";
    }
}
