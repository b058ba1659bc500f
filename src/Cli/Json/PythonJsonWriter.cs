using System.Globalization;
using System.Text;

namespace OciRaw.Cli.Json;

/// <summary>
/// Writes JSON exactly as the OCI CLI prints it: <c>json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False)</c>
/// (oci_cli/cli_util.py, pretty_print_format). Keys sorted by code point at every level, "key": value, integers with
/// all their digits, floats as Python's repr, non-ASCII text unescaped, control characters as \uXXXX.
/// </summary>
internal static class PythonJsonWriter
{
    /// <summary>The JSON text; <paramref name="indent"/> null writes one line with Python's ", " and ": ".</summary>
    public static string Write(JsonItem value, int? indent = 2)
    {
        var text = new StringBuilder();
        WriteValue(text, value, indent, 0);
        return text.ToString();
    }

    private static void WriteValue(StringBuilder text, JsonItem value, int? indent, int depth)
    {
        switch (value.Kind)
        {
            case JsonKind.Null:
                text.Append("null");
                break;
            case JsonKind.Boolean:
                text.Append(value.Boolean ? "true" : "false");
                break;
            case JsonKind.Number:
                text.Append(value.IntegerText ?? PythonFloat.Repr(value.Number));
                break;
            case JsonKind.String:
                WriteString(text, value.String);
                break;
            case JsonKind.Array:
                WriteContainer(text, '[', ']', value.Items, indent, depth, static (t, item, i, d) => WriteValue(t, item, i, d));
                break;
            default:
                IReadOnlyList<KeyValuePair<string, JsonItem>> sorted = [.. value.Properties.OrderBy(p => p.Key, CodePointComparer.Instance)];
                WriteContainer(text, '{', '}', sorted, indent, depth, static (t, property, i, d) =>
                {
                    WriteString(t, property.Key);
                    t.Append(": ");
                    WriteValue(t, property.Value, i, d);
                });
                break;
        }
    }

    private static void WriteContainer<T>(StringBuilder text, char open, char close, IReadOnlyList<T> entries, int? indent, int depth, Action<StringBuilder, T, int?, int> writeEntry)
    {
        text.Append(open);
        if (entries.Count == 0)
        {
            text.Append(close);
            return;
        }

        for (int i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                text.Append(indent is null ? ", " : ",");
            }

            if (indent is int spaces)
            {
                text.Append('\n').Append(' ', spaces * (depth + 1));
            }

            writeEntry(text, entries[i], indent, depth + 1);
        }

        if (indent is int closing)
        {
            text.Append('\n').Append(' ', closing * depth);
        }

        text.Append(close);
    }

    /// <summary>
    /// <c>json.dumps(value, separators=(',', ':'))</c>: JMESPath's to_string in Python. Keys keep their order and
    /// everything beyond ASCII is escaped (ensure_ascii defaults to True there).
    /// </summary>
    public static string WriteCompactAscii(JsonItem value)
    {
        var text = new StringBuilder();
        WriteCompact(text, value);
        return text.ToString();
    }

    private static void WriteCompact(StringBuilder text, JsonItem value)
    {
        switch (value.Kind)
        {
            case JsonKind.Array:
                text.Append('[');
                for (int i = 0; i < value.Items.Count; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    WriteCompact(text, value.Items[i]);
                }

                text.Append(']');
                break;
            case JsonKind.Object:
                text.Append('{');
                for (int i = 0; i < value.Properties.Count; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    WriteString(text, value.Properties[i].Key, asciiOnly: true);
                    text.Append(':');
                    WriteCompact(text, value.Properties[i].Value);
                }

                text.Append('}');
                break;
            case JsonKind.String:
                WriteString(text, value.String, asciiOnly: true);
                break;
            default:
                WriteValue(text, value, null, 0);
                break;
        }
    }

    /// <summary>json.dumps' escaping with ensure_ascii=False: only ", \ and characters below U+0020.</summary>
    public static void WriteString(StringBuilder text, string value, bool asciiOnly = false)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < ' ' || (asciiOnly && c > '\u007e'))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
