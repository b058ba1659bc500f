using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// Typed reads for generated deserializers: each checks the token and throws an <see cref="OciJsonException"/> that
/// names the expected type instead of the reader's generic error.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciJsonReader
{
    /// <summary>Moves to the next token; fails on a truncated document.</summary>
    public static void Next(ref Utf8JsonReader reader, string expectedType)
    {
        if (!reader.Read())
        {
            throw new OciJsonException("the document ends too early", expectedType);
        }
    }

    /// <summary>
    /// Moves to the next member of an object: true on its name, false on the closing <c>}</c>; fails on a truncated
    /// document. A generated reader loops on it: <c>while (NextProperty(ref reader, "User")) { ... }</c>.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader, string expectedType)
    {
        Next(ref reader, expectedType);
        return reader.TokenType != JsonTokenType.EndObject;
    }

    /// <summary>Moves to the next item of an array: true on it, false on the closing <c>]</c>; fails on a truncated document.</summary>
    public static bool NextItem(ref Utf8JsonReader reader, string expectedType)
    {
        Next(ref reader, expectedType);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Skips the value of a member the reader is on the name of (a member the type does not have).</summary>
    public static void SkipPropertyValue(ref Utf8JsonReader reader, string expectedType)
    {
        Next(ref reader, expectedType);
        reader.Skip();
    }

    /// <summary>
    /// Reads a JSON array into a list, each item with <paramref name="readItem"/>. A JSON null item reads as null when
    /// <paramref name="nullItems"/> (the item type can hold it). A failure names the item's index in its JSON path.
    /// </summary>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, OciJsonReadFunc<T> readItem, bool nullItems, string expectedType)
    {
        ExpectStartArray(ref reader, expectedType);
        var list = new List<T>();
        try
        {
            while (NextItem(ref reader, expectedType))
            {
                list.Add(nullItems && reader.TokenType == JsonTokenType.Null ? default! : readItem(ref reader));
            }
        }
        catch (OciJsonException error)
        {
            OciJsonErrors.AddIndex(error, list.Count);
            throw;
        }
        catch (Exception error) when (OciJsonErrors.IsReadError(error))
        {
            throw OciJsonErrors.AtIndex(error, list.Count, expectedType);
        }

        return list;
    }

    /// <summary>
    /// Reads a JSON object into a dictionary by member name, each value with <paramref name="readValue"/>; a repeated
    /// name keeps its last value. A JSON null value reads as null when <paramref name="nullValues"/>. A failure names the
    /// key in its JSON path.
    /// </summary>
    public static Dictionary<string, T> ReadDictionary<T>(ref Utf8JsonReader reader, OciJsonReadFunc<T> readValue, bool nullValues, string expectedType)
    {
        ExpectStartObject(ref reader, expectedType);
        var map = new Dictionary<string, T>();
        string? key = null;
        try
        {
            while (NextProperty(ref reader, expectedType))
            {
                key = reader.GetString()!;
                Next(ref reader, expectedType);
                map[key] = nullValues && reader.TokenType == JsonTokenType.Null ? default! : readValue(ref reader);
                key = null;
            }
        }
        catch (OciJsonException error)
        {
            OciJsonErrors.AddKey(error, key);
            throw;
        }
        catch (Exception error) when (OciJsonErrors.IsReadError(error))
        {
            throw OciJsonErrors.AtKey(error, key, expectedType);
        }

        return map;
    }

    /// <summary>Checks that the reader is on <c>{</c>.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string expectedType) => Expect(ref reader, JsonTokenType.StartObject, "an object", expectedType);

    /// <summary>Checks that the reader is on <c>[</c>.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader, string expectedType) => Expect(ref reader, JsonTokenType.StartArray, "an array", expectedType);

    /// <summary>Reads a string.</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string", "string");
        return reader.GetString()!;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "true or false", "bool"),
    };

    /// <summary>Reads a number as <see cref="byte"/>.</summary>
    public static byte ReadByte(ref Utf8JsonReader reader) => IsNumber(ref reader, "byte") && reader.TryGetByte(out byte v) ? v : throw OutOfRange(ref reader, "byte");

    /// <summary>Reads a number as <see cref="sbyte"/>.</summary>
    public static sbyte ReadSByte(ref Utf8JsonReader reader) => IsNumber(ref reader, "sbyte") && reader.TryGetSByte(out sbyte v) ? v : throw OutOfRange(ref reader, "sbyte");

    /// <summary>Reads a number as <see cref="short"/>.</summary>
    public static short ReadInt16(ref Utf8JsonReader reader) => IsNumber(ref reader, "short") && reader.TryGetInt16(out short v) ? v : throw OutOfRange(ref reader, "short");

    /// <summary>Reads a number as <see cref="ushort"/>.</summary>
    public static ushort ReadUInt16(ref Utf8JsonReader reader) => IsNumber(ref reader, "ushort") && reader.TryGetUInt16(out ushort v) ? v : throw OutOfRange(ref reader, "ushort");

    /// <summary>Reads a number as <see cref="int"/>.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader) => IsNumber(ref reader, "int") && reader.TryGetInt32(out int v) ? v : throw OutOfRange(ref reader, "int");

    /// <summary>Reads a number as <see cref="uint"/>.</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader) => IsNumber(ref reader, "uint") && reader.TryGetUInt32(out uint v) ? v : throw OutOfRange(ref reader, "uint");

    /// <summary>Reads a number as <see cref="long"/>.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader) => IsNumber(ref reader, "long") && reader.TryGetInt64(out long v) ? v : throw OutOfRange(ref reader, "long");

    /// <summary>Reads a number as <see cref="ulong"/>.</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader) => IsNumber(ref reader, "ulong") && reader.TryGetUInt64(out ulong v) ? v : throw OutOfRange(ref reader, "ulong");

    /// <summary>Reads a number as <see cref="float"/>.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader) => IsNumber(ref reader, "float") && reader.TryGetSingle(out float v) ? v : throw OutOfRange(ref reader, "float");

    /// <summary>Reads a number as <see cref="double"/>.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader) => IsNumber(ref reader, "double") && reader.TryGetDouble(out double v) ? v : throw OutOfRange(ref reader, "double");

    /// <summary>Reads a number as <see cref="decimal"/>.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader) => IsNumber(ref reader, "decimal") && reader.TryGetDecimal(out decimal v) ? v : throw OutOfRange(ref reader, "decimal");

    /// <summary>Reads an RFC 3339 date-time (any fraction length, <c>Z</c> or an offset).</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "an RFC 3339 date-time string", "DateTimeOffset");
        if (reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value;
        }

        string text = reader.GetString()!;
        return Rfc3339.TryReadDateTimeOffset(text, out value)
            ? value
            : throw new OciJsonException($"'{text}' is not an RFC 3339 date-time", "DateTimeOffset");
    }

    /// <summary>Reads an RFC 3339 date-time as <see cref="DateTime"/>.</summary>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "an RFC 3339 date-time string", "DateTime");
        if (reader.TryGetDateTime(out DateTime value))
        {
            return value;
        }

        string text = reader.GetString()!;
        return Rfc3339.TryReadDateTime(text, out value)
            ? value
            : throw new OciJsonException($"'{text}' is not an RFC 3339 date-time", "DateTime");
    }

    /// <summary>
    /// Reads an RFC 3339 full-date (<c>"2026-09-12"</c>) as <see cref="DateOnly"/>. Like System.Text.Json, only that
    /// form is accepted: a date-time is not a date.
    /// </summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date string (yyyy-MM-dd)", "DateOnly");
        string text = reader.GetString()!;
        return DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly value)
            ? value
            : throw new OciJsonException($"'{text}' is not a date in the form yyyy-MM-dd", "DateOnly");
    }

    /// <summary>Reads a GUID string.</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a GUID string", "Guid");
        return reader.TryGetGuid(out Guid value) ? value : throw new OciJsonException("the string is not a GUID", "Guid");
    }

    /// <summary>Reads a base64 string as bytes.</summary>
    public static byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a base64 string", "byte[]");
        return reader.TryGetBytesFromBase64(out byte[]? value) ? value : throw new OciJsonException("the string is not valid base64", "byte[]");
    }

    /// <summary>Reads any JSON value as a <see cref="JsonElement"/> (free-form values).</summary>
    public static JsonElement ReadJsonElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>The error for an enum string that names no member (when the enum has no <c>UnknownEnumValue</c>).</summary>
    public static OciJsonException UnknownEnumValue(ref Utf8JsonReader reader, string enumType) =>
        reader.TokenType == JsonTokenType.String
            ? new OciJsonException($"'{reader.GetString()}' is not a value of {enumType}", enumType)
            : Unexpected(ref reader, "a string", enumType);

    /// <summary>The error for a required member that the object lacks.</summary>
    public static OciJsonException MissingRequired(string jsonName, string type) =>
        new($"the object has no '{jsonName}' member, which {type} requires", type);

    private static bool IsNumber(ref Utf8JsonReader reader, string expectedType) =>
        reader.TokenType == JsonTokenType.Number ? true : throw Unexpected(ref reader, "a number", expectedType);

    private static OciJsonException OutOfRange(ref Utf8JsonReader reader, string expectedType) =>
        new($"the number {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} does not fit", expectedType);

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType tokenType, string what, string expectedType)
    {
        if (reader.TokenType != tokenType)
        {
            throw Unexpected(ref reader, what, expectedType);
        }
    }

    private static OciJsonException Unexpected(ref Utf8JsonReader reader, string what, string expectedType) =>
        new($"expected {what} but found {Describe(reader.TokenType)}", expectedType);

    private static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => tokenType.ToString(),
    };
}
