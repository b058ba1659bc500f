using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// Reads the typed properties of a header-bound result class from an <see cref="OciResponseHeaders"/>: each method
/// gives null when the header is absent (the generated code throws <see cref="OciHeaderException"/> for a
/// non-nullable property) and throws <see cref="OciHeaderException"/> for a value that is not of the type.
/// Public only so generated code can call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciHeaderValue
{
    /// <summary>The exception for a missing header bound to a non-nullable property.</summary>
    public static OciHeaderException Missing(string headerName, string member) => OciHeaderException.Missing(headerName, member);

    /// <summary>The header's text.</summary>
    public static string? ReadText(OciResponseHeaders headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers[name];
    }

    /// <summary>An integer in invariant culture (an optional sign, digits).</summary>
    public static T? ReadInteger<T>(OciResponseHeaders headers, string name, string member)
        where T : struct, INumberBase<T> =>
        ReadNumber<T>(headers, name, member, NumberStyles.AllowLeadingSign, "an integer");

    /// <summary>A floating-point or decimal number in invariant culture.</summary>
    public static T? ReadNumber<T>(OciResponseHeaders headers, string name, string member)
        where T : struct, INumberBase<T> =>
        ReadNumber<T>(headers, name, member, NumberStyles.Float, "a number");

    private static T? ReadNumber<T>(OciResponseHeaders headers, string name, string member, NumberStyles styles, string kind)
        where T : struct, INumberBase<T>
    {
        string? text = ReadText(headers, name);
        return text is null ? null
            : T.TryParse(text.Trim(), styles, CultureInfo.InvariantCulture, out T value) ? value
            : throw OciHeaderException.Invalid(name, member, text, $"{kind} of type {typeof(T).Name}");
    }

    /// <summary><c>true</c> or <c>false</c>, in any casing.</summary>
    public static bool? ReadBoolean(OciResponseHeaders headers, string name, string member)
    {
        string? text = ReadText(headers, name);
        return text is null ? null
            : bool.TryParse(text.Trim(), out bool value) ? value
            : throw OciHeaderException.Invalid(name, member, text, "'true' or 'false'");
    }

    /// <summary>
    /// A date as HTTP sends it (RFC 7231 IMF-fixdate, <c>Tue, 15 Nov 1994 08:12:31 GMT</c>: <c>last-modified</c>) or as
    /// OCI's JSON does (RFC 3339, <c>2026-09-12T10:15:30.123Z</c>: <c>opc-multipart-...</c> time headers).
    /// </summary>
    public static DateTimeOffset? ReadDateTimeOffset(OciResponseHeaders headers, string name, string member)
    {
        string? text = ReadText(headers, name);
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        if (System.DateTimeOffset.TryParseExact(trimmed, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out DateTimeOffset http))
        {
            return http;
        }

        return Rfc3339.TryReadDateTimeOffset(trimmed, out DateTimeOffset rfc3339)
            ? rfc3339
            : throw OciHeaderException.Invalid(name, member, text, "an RFC 7231 or RFC 3339 date");
    }

    /// <summary>An enum member by its wire name, read with the enum's generated JSON reader (so the same names and casing rules apply).</summary>
    public static T? ReadEnum<T>(OciResponseHeaders headers, string name, string member, OciJsonReadFunc<T> read)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(read);
        string? text = ReadText(headers, name);
        if (text is null)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(JsonSerializerString(text.Trim()));
            reader.Read();
            return read(ref reader);
        }
        catch (Exception e) when (e is OciJsonException || OciJsonErrors.IsReadError(e))
        {
            throw OciHeaderException.Invalid(name, member, text, $"a known {typeof(T).Name} value", e);
        }
    }

    /// <summary>
    /// Every header whose name starts with <paramref name="prefix"/> (case-insensitively), keyed by the rest of the
    /// name (compared case-insensitively): Object Storage's <c>opc-meta-*</c> user metadata.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadPrefixed(OciResponseHeaders headers, string prefix)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(prefix);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (header.Key.Length > prefix.Length && header.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                string key = header.Key[prefix.Length..];
                map[key] = map.TryGetValue(key, out string? earlier) ? earlier + ", " + header.Value : header.Value;
            }
        }

        return map;
    }

    /// <summary>The text as a JSON string token, escaped by the writer so any header value reads back exactly.</summary>
    private static byte[] JsonSerializerString(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(text.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(text);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
