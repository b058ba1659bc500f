namespace OciRaw;

/// <summary>
/// Reads the INI-like OCI config format: <c>[profile]</c> headers, <c>key = value</c> or <c>key: value</c> lines split
/// at the first separator, whole-line <c>#</c> and <c>;</c> comments, keys case-insensitive, values verbatim (no quote
/// stripping, no inline comments). Every syntax problem is collected with its line number instead of stopping at the first.
/// </summary>
internal static class ConfigFileParser
{
    public sealed class Result
    {
        /// <summary>Sections by exact (case-sensitive) name; each maps a lowercase key to its entry.</summary>
        public Dictionary<string, Dictionary<string, ConfigEntry>> Sections { get; } = new(StringComparer.Ordinal);

        public List<OciConfigProblem> Problems { get; } = [];
    }

    public static Result Parse(string text)
    {
        var result = new Result();
        var sectionLines = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, ConfigEntry>? section = null;
        string? sectionName = null;
        bool sawHeader = false;
        string[] lines = text.Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            int lineNumber = index + 1;
            string line = lines[index].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                sawHeader = true;
                sectionName = ReadSectionName(line, lineNumber, result.Problems);
                if (sectionName is null)
                {
                    section = null;
                }
                else if (sectionLines.TryGetValue(sectionName, out int firstLine))
                {
                    result.Problems.Add(new(null, lineNumber, $"profile [{sectionName}] is defined twice (first at line {firstLine})"));
                    section = result.Sections[sectionName];
                }
                else
                {
                    sectionLines[sectionName] = lineNumber;
                    section = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
                    result.Sections[sectionName] = section;
                }

                continue;
            }

            int separator = line.IndexOfAny(['=', ':']);
            if (separator < 0)
            {
                result.Problems.Add(new(null, lineNumber, "this line is neither a [profile] header, a 'key = value' pair nor a comment"));
                continue;
            }

            string key = line[..separator].Trim().ToLowerInvariant();
            string value = line[(separator + 1)..].Trim();
            if (key.Length == 0)
            {
                result.Problems.Add(new(null, lineNumber, $"a value is given with no key before the '{line[separator]}'"));
                continue;
            }

            if (section is null)
            {
                // Keys under a header that was itself malformed are skipped: that header is already reported.
                if (!sawHeader)
                {
                    result.Problems.Add(new(key, lineNumber, "this key comes before any [profile] header; put it under [DEFAULT] or a named profile"));
                }

                continue;
            }

            if (section.TryGetValue(key, out ConfigEntry? existing))
            {
                result.Problems.Add(new(key, lineNumber, $"set twice in profile [{sectionName}] (first at line {existing.Line})"));
                continue;
            }

            section[key] = new ConfigEntry(key, value, lineNumber, sectionName!);
        }

        return result;
    }

    private static string? ReadSectionName(string line, int lineNumber, List<OciConfigProblem> problems)
    {
        if (line[^1] != ']')
        {
            problems.Add(new(null, lineNumber, line.Contains(']', StringComparison.Ordinal)
                ? "a profile header must look like [NAME] with nothing after the ']' (comments go on their own line)"
                : "a profile header must look like [NAME]; the closing ']' is missing"));
            return null;
        }

        string name = line[1..^1].Trim();
        if (name.Length == 0)
        {
            problems.Add(new(null, lineNumber, "a profile header has an empty name: []"));
            return null;
        }

        return name;
    }
}
