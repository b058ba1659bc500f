using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OciRaw;

/// <summary>
/// The RFC 3339 forms Utf8JsonReader's ISO 8601 reader refuses but RFC 3339 allows: a lowercase <c>t</c> or
/// <c>z</c>. Only full RFC 3339 date-times get through (other date texts stay errors), and they are then read by
/// Utf8JsonReader itself, so fractions are rounded exactly as for the upper-case form.
/// </summary>
internal static partial class Rfc3339
{
    public static bool TryReadDateTimeOffset(string text, out DateTimeOffset value)
    {
        Utf8JsonReader reader = Normalized(text, out bool ok);
        value = default;
        return ok && reader.TryGetDateTimeOffset(out value);
    }

    public static bool TryReadDateTime(string text, out DateTime value)
    {
        Utf8JsonReader reader = Normalized(text, out bool ok);
        value = default;
        return ok && reader.TryGetDateTime(out value);
    }

    /// <summary>A reader on the text as a JSON string with <c>T</c> and <c>Z</c> upper-cased; ok is false when not RFC 3339.</summary>
    private static Utf8JsonReader Normalized(string text, out bool ok)
    {
        ok = Pattern().IsMatch(text);
        string json = ok ? "\"" + text.ToUpperInvariant() + "\"" : "\"\"";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
