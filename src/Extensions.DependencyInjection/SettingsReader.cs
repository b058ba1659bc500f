using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OciRaw.Extensions.DependencyInjection;

/// <summary>
/// Reads OciRaw's configuration section by hand rather than with the reflection-based binder, so that it stays
/// trimming- and NativeAOT-clean and every error names the exact key: an unknown key (a typo) is an error too, never
/// silently ignored.
/// </summary>
internal static class SettingsReader
{
    private static readonly string[] TopKeys =
        ["Auth", "ConfigFile", "Profile", "Region", "Endpoint", "DualStack", "Timeout", "Retry", "InstancePrincipal"];

    private static readonly string[] RetryKeys = ["Enabled", "MaxAttempts", "AttemptTimeout", "MaxElapsedTime", "BaseDelay", "MaxDelay"];

    private static readonly string[] InstancePrincipalKeys = ["MetadataBaseAddress", "FederationEndpoint"];

    public static SignerSettings ReadSigner(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        RejectUnknownKeys(section, TopKeys);
        OciAuthenticationMethod auth = ReadAuth(section);
        IConfigurationSection instance = section.GetSection("InstancePrincipal");
        RejectUnknownKeys(instance, InstancePrincipalKeys);
        return new SignerSettings(
            auth,
            NonEmpty(section, "ConfigFile"),
            NonEmpty(section, "Profile") ?? OciConfig.DefaultProfile,
            ReadUri(instance, "MetadataBaseAddress"),
            ReadUri(instance, "FederationEndpoint"));
    }

    public static void ApplyClient(IConfiguration section, OciClientSettings settings)
    {
        RejectUnknownKeys(section, TopKeys);
        settings.Region = NonEmpty(section, "Region") ?? settings.Region;
        settings.Endpoint = ReadUri(section, "Endpoint") ?? settings.Endpoint;
        settings.DualStack = ReadBool(section, "DualStack") ?? settings.DualStack;
        settings.Timeout = ReadTimeSpan(section, "Timeout") ?? settings.Timeout;
        IConfigurationSection retry = section.GetSection("Retry");
        RejectUnknownKeys(retry, RetryKeys);
        if (retry.GetChildren().Any())
        {
            OciRetryOptions options = settings.Retry ?? new OciRetryOptions();
            options = options with
            {
                Enabled = ReadBool(retry, "Enabled") ?? options.Enabled,
                MaxAttempts = ReadInt(retry, "MaxAttempts") ?? options.MaxAttempts,
                AttemptTimeout = ReadTimeSpan(retry, "AttemptTimeout") ?? options.AttemptTimeout,
                MaxElapsedTime = ReadTimeSpan(retry, "MaxElapsedTime") ?? options.MaxElapsedTime,
                BaseDelay = ReadTimeSpan(retry, "BaseDelay") ?? options.BaseDelay,
                MaxDelay = ReadTimeSpan(retry, "MaxDelay") ?? options.MaxDelay,
            };
            try
            {
                // The handler checks a policy when it is created: do it now, so the error names the section.
                using var check = new OciRetryHandler(options, null);
                settings.Retry = options;
            }
            catch (ArgumentException e)
            {
                throw new OciSettingsException($"{PathOf(retry)} is not a valid retry policy: {e.Message}", e);
            }
        }
    }

    /// <summary>The full configuration path of <paramref name="key"/> in <paramref name="section"/>, as the error shows it.</summary>
    public static string PathOf(IConfiguration section, string? key = null)
    {
        string path = section is IConfigurationSection s ? s.Path : string.Empty;
        return key is null ? path : path.Length == 0 ? key : $"{path}:{key}";
    }

    private static OciAuthenticationMethod ReadAuth(IConfiguration section)
    {
        string? value = NonEmpty(section, "Auth");
        if (value is null)
        {
            return OciAuthenticationMethod.ConfigFile;
        }

        // "InstancePrincipals" reads as well as "InstancePrincipal"; a number is not a name.
        string name = value.EndsWith("Principals", StringComparison.OrdinalIgnoreCase) ? value[..^1] : value;
        return !char.IsAsciiDigit(name[0]) && Enum.TryParse(name, ignoreCase: true, out OciAuthenticationMethod auth)
            ? auth
            : throw new OciSettingsException(
                $"{PathOf(section, "Auth")} is '{value}', which is not an authentication method; expected one of {string.Join(", ", Enum.GetNames<OciAuthenticationMethod>())}.");
    }

    private static void RejectUnknownKeys(IConfiguration section, string[] known)
    {
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new OciSettingsException(
                    $"{child.Path} is not an OciRaw setting; the settings of {(PathOf(section) is { Length: > 0 } p ? p : "this section")} are {string.Join(", ", known)}.");
            }
        }
    }

    private static string? NonEmpty(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static Uri? ReadUri(IConfiguration section, string key) =>
        NonEmpty(section, key) is not { } value ? null
            : Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? uri
                : throw Invalid(section, key, value, "an absolute http or https URL, e.g. https://identity.us-ashburn-1.oci.oraclecloud.com");

    private static bool? ReadBool(IConfiguration section, string key) =>
        NonEmpty(section, key) is not { } value ? null
            : bool.TryParse(value, out bool result) ? result : throw Invalid(section, key, value, "true or false");

    private static int? ReadInt(IConfiguration section, string key) =>
        NonEmpty(section, key) is not { } value ? null
            : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result) ? result : throw Invalid(section, key, value, "a whole number");

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key) =>
        NonEmpty(section, key) is not { } value ? null
            : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan result) ? result : throw Invalid(section, key, value, "a time span such as 00:00:30");

    private static OciSettingsException Invalid(IConfiguration section, string key, string value, string expected) =>
        new($"{PathOf(section, key)} is '{value}', which is not {expected}.");
}
