using System.Net;
using System.Text.Json;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>Checks OCI's error answers: the status and a JSON body <c>{"code": ..., "message": ...}</c>.</summary>
internal static class OciErrorAssert
{
    /// <summary>Asserts the status and code; returns the message.</summary>
    public static async Task<string> IsErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        return IsErrorBody(body, code, response.Content.Headers.ContentType?.MediaType);
    }

    public static string IsErrorBody(string body, string code, string? mediaType)
    {
        Assert.Equal("application/json", mediaType);
        using JsonDocument document = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.Equal(code, document.RootElement.GetProperty("code").GetString());
        string? message = document.RootElement.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message), "The error has no message: " + body);
        return message!;
    }

    /// <summary>Asserts a 401 NotAuthenticated whose message says nothing of why (OCI never tells the client).</summary>
    public static async Task IsNotAuthenticatedAsync(HttpResponseMessage response)
    {
        string message = await IsErrorAsync(response, HttpStatusCode.Unauthorized, "NotAuthenticated");
        Assert.Equal("The required information to complete authentication was not provided or was incorrect.", message);
    }
}
