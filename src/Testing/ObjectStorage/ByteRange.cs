using System.Globalization;

namespace OciRaw.Testing;

/// <summary>A single HTTP byte range (<c>bytes=a-b</c>, <c>bytes=a-</c>, <c>bytes=-n</c>), the forms GetObject accepts.</summary>
internal static class ByteRange
{
    /// <summary>Null with the inclusive range within <paramref name="length"/>, or why the header cannot be satisfied.</summary>
    public static string? Parse(string header, long length, out (long Start, long End) range)
    {
        range = default;
        const string Unit = "bytes=";
        if (!header.StartsWith(Unit, StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return $"The range '{header}' is not one range of the form bytes=first-last.";
        }

        string spec = header[Unit.Length..].Trim();
        int dash = spec.IndexOf('-', StringComparison.Ordinal);
        bool hasFirst = TryNumber(spec[..Math.Max(dash, 0)], out long first);
        bool hasLast = TryNumber(dash < 0 ? string.Empty : spec[(dash + 1)..], out long last);
        if (dash < 0 || (!hasFirst && !hasLast) || (dash > 0 && !hasFirst) || (dash + 1 < spec.Length && !hasLast))
        {
            return $"The range '{header}' is not one range of the form bytes=first-last.";
        }

        if (!hasFirst)
        {
            // bytes=-n: the last n bytes.
            first = Math.Max(0, length - last);
            last = length - 1;
        }
        else if (!hasLast || last >= length)
        {
            last = length - 1;
        }

        if (first >= length || first > last)
        {
            return $"The range '{header}' is not satisfiable for an object of {length} bytes.";
        }

        range = (first, last);
        return null;
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
