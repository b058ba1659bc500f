using System.Text;
using OciRaw.Shared;

namespace OciRaw;

/// <summary>
/// Expands a service endpoint template (spec §7.5): <c>{region}</c> becomes the region id, <c>{secondLevelDomain}</c> the
/// realm's domain, and an option block <c>{dualStack?ifOn:ifOff}</c> one of its two texts; another option block is
/// removed, as the OCI SDKs do. A region given as a domain suffix (it contains a dot) gives <c>https://&lt;service&gt;.&lt;suffix&gt;</c>.
/// </summary>
public static class OciEndpointTemplate
{
    /// <summary>The environment variable that turns dual-stack (IPv4 and IPv6) endpoints on for every client: <c>true</c>.</summary>
    public const string DualStackEnvironmentVariable = "OCI_DUAL_STACK_ENDPOINT_ENABLED";

    /// <summary>Expands <paramref name="template"/> for <paramref name="region"/>.</summary>
    /// <param name="template">For example <c>https://iaas.{region}.{dualStack?ds.oci.:}{secondLevelDomain}</c>.</param>
    /// <param name="serviceName">The service's endpoint prefix (<c>identity</c>), used for a domain-suffix region.</param>
    /// <param name="region">The resolved region.</param>
    /// <param name="dualStack">Whether the <c>dualStack</c> option is on; null reads <c>OCI_DUAL_STACK_ENDPOINT_ENABLED</c>.</param>
    /// <exception cref="ArgumentException">The template has an unknown placeholder or unbalanced braces, or does not expand to an absolute https URL.</exception>
    public static Uri Expand(string template, string serviceName, OciRegion region, bool? dualStack = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentNullException.ThrowIfNull(region);
        if (region.IsDomainSuffix)
        {
            return new Uri($"https://{serviceName}.{region.Id}");
        }

        var parts = new List<EndpointTemplatePart>();
        if (EndpointTemplateSyntax.Split(template, parts) is { } problem)
        {
            throw new ArgumentException($"Endpoint template '{template}' is not valid: {problem}.", nameof(template));
        }

        bool dualStackOn = dualStack ?? string.Equals(Environment.GetEnvironmentVariable(DualStackEnvironmentVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var text = new StringBuilder(template.Length + 32);
        foreach (EndpointTemplatePart part in parts)
        {
            text.Append(part.IsPlaceholder ? Expand(part.Text, region, dualStackOn) : part.Text);
        }

        string expanded = text.ToString();
        return Uri.TryCreate(expanded, UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new ArgumentException($"Endpoint template '{template}' expands to '{expanded}', which is not an absolute https URL.", nameof(template));
    }

    private static string Expand(string placeholder, OciRegion region, bool dualStack)
    {
        if (EndpointTemplateSyntax.IsOptionBlock(placeholder, out string option, out string ifOn, out string ifOff))
        {
            // Only dualStack is defined; an option the SDKs do not know is dropped, as they drop it.
            return option == EndpointTemplateSyntax.DualStackOption ? (dualStack ? ifOn : ifOff) : string.Empty;
        }

        return placeholder == EndpointTemplateSyntax.RegionPlaceholder ? region.Id : region.SecondLevelDomain;
    }
}
