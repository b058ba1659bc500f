using System.Text.Json;

namespace OciRaw.Cli.Json;

/// <summary>Parses JSON text into a <see cref="JsonItem"/> with <see cref="Utf8JsonReader"/> (no reflection).</summary>
internal static class JsonItemReader
{
    /// <summary>The value, or null when <paramref name="utf8"/> is not one JSON document.</summary>
    public static JsonItem? TryParse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 512 });
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            JsonItem value = ReadValue(ref reader);
            return reader.Read() ? null : value;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON (or a string with an unpaired surrogate escape): the caller shows the body as text.
            return null;
        }
    }

    public static JsonItem? TryParse(string text) => TryParse(System.Text.Encoding.UTF8.GetBytes(text));

    private static JsonItem ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<KeyValuePair<string, JsonItem>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new(name, ReadValue(ref reader)));
                }

                return JsonItem.FromProperties(properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonItem>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return JsonItem.FromItems(items);
            case JsonTokenType.String:
                return JsonItem.FromString(reader.GetString()!);
            case JsonTokenType.Number:
                string raw = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
                return raw.AsSpan().IndexOfAny(".eE") < 0
                    ? JsonItem.FromIntegerText(raw)
                    : JsonItem.FromDouble(double.Parse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
            case JsonTokenType.True:
                return JsonItem.True;
            case JsonTokenType.False:
                return JsonItem.False;
            default:
                return JsonItem.Null;
        }
    }
}
