using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>Writes OCI's error body <c>{"code": ..., "message": ...}</c> with the status that goes with it.</summary>
internal static class OciError
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return EmulatorJson.WriteAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });
    }

    public static Task NotAuthenticated(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "NotAuthenticated",
            "The required information to complete authentication was not provided or was incorrect.");

    public static Task CannotParseRequest(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "CannotParseRequest", "The request body is not a JSON object.");

    /// <summary>400 MissingParameter naming every required field that is missing or empty.</summary>
    public static Task MissingFields(HttpContext context, IReadOnlyList<string> missing) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "MissingParameter", $"Missing or empty required field(s): {string.Join(", ", missing)}.");

    public static Task NotFound(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "NotAuthorizedOrNotFound",
            "Authorization failed or requested resource not found.");
}

/// <summary>JSON bodies written with <see cref="Utf8JsonWriter"/> (no reflection; the emulator runs under NativeAOT too).</summary>
internal static class EmulatorJson
{
    public static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes a JSON object value as given, or <c>{}</c> when there is none (OCI writes empty tag maps, not null).</summary>
    public static void WriteObjectOrEmpty(Utf8JsonWriter writer, JsonElement? value)
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
