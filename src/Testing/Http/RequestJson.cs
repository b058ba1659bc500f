using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>Reads the JSON request bodies of the emulated APIs (a details object) without reflection.</summary>
internal static class RequestJson
{
    /// <summary>True when <paramref name="body"/> is a JSON object.</summary>
    public static bool TryParseObject(byte[] body, out JsonElement element)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            element = document.RootElement.Clone();
            return element.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    /// <summary>The member as a string, adding its name to <paramref name="missing"/> when absent, not a string, or blank.</summary>
    public static string? RequiredString(JsonElement details, string name, List<string> missing)
    {
        string? value = OptionalString(details, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(name);
        }

        return value;
    }

    public static string? OptionalString(JsonElement details, string name) =>
        details.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static JsonElement? OptionalObject(JsonElement details, string name) =>
        details.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? value.Clone() : null;
}
