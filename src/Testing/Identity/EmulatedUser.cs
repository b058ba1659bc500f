using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>A user as the emulator stores it; every change produces a new <see cref="ETag"/>.</summary>
internal sealed record EmulatedUser(
    string Id,
    string CompartmentId,
    string Name,
    string Description,
    string? Email,
    DateTimeOffset TimeCreated,
    JsonElement? FreeformTags,
    JsonElement? DefinedTags,
    string ETag)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("compartmentId", CompartmentId);
        writer.WriteString("name", Name);
        writer.WriteString("description", Description);
        if (Email is not null)
        {
            writer.WriteString("email", Email);
        }

        writer.WriteString("timeCreated", TimeCreated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("lifecycleState", "ACTIVE");
        writer.WritePropertyName("freeformTags");
        WriteObjectOrEmpty(writer, FreeformTags);
        writer.WritePropertyName("definedTags");
        WriteObjectOrEmpty(writer, DefinedTags);
        writer.WriteEndObject();
    }

    private static void WriteObjectOrEmpty(Utf8JsonWriter writer, JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Object } element)
        {
            element.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }
}
