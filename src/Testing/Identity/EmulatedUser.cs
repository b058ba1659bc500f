using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>
/// A user as the emulator stores it; every change produces a new <see cref="ETag"/>. Written with every member of OCI's
/// identity <c>User</c> model, nulls included, as OCI answers (a local user: no identity provider, no MFA, never
/// logged in to the console).
/// </summary>
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
    /// <summary>The only state an emulated user is ever in (creation and deletion complete at once).</summary>
    public const string LifecycleState = "ACTIVE";

    /// <summary>The lifecycle states of OCI's User model, for validating the ListUsers filter.</summary>
    public static readonly string[] LifecycleStates = ["CREATING", "ACTIVE", "INACTIVE", "DELETING", "DELETED"];

    // OCI's UserCapabilities: a new local user may use every kind of credential.
    private static readonly string[] Capabilities =
    [
        "canUseConsolePassword", "canUseApiKeys", "canUseAuthTokens", "canUseSmtpCredentials", "canUseDbCredentials",
        "canUseCustomerSecretKeys", "canUseOAuth2ClientCredentials",
    ];

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("compartmentId", CompartmentId);
        writer.WriteString("name", Name);
        writer.WriteString("description", Description);
        writer.WriteString("email", Email);
        writer.WriteBoolean("emailVerified", false);
        writer.WriteNull("identityProviderId");
        writer.WriteNull("externalIdentifier");
        writer.WriteString("timeCreated", TimeCreated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("lifecycleState", LifecycleState);
        writer.WriteNull("inactiveStatus");
        writer.WriteBoolean("isMfaActivated", false);
        writer.WriteStartObject("capabilities");
        foreach (string capability in Capabilities)
        {
            writer.WriteBoolean(capability, true);
        }

        writer.WriteEndObject();
        writer.WriteNull("lastSuccessfulLoginTime");
        writer.WriteNull("previousSuccessfulLoginTime");
        writer.WriteNull("dbUserName");
        writer.WritePropertyName("freeformTags");
        EmulatorJson.WriteObjectOrEmpty(writer, FreeformTags);
        writer.WritePropertyName("definedTags");
        EmulatorJson.WriteObjectOrEmpty(writer, DefinedTags);
        writer.WriteEndObject();
    }
}
