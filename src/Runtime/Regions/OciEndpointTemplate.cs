using System.Text;

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

        bool dualStackOn = dualStack ?? string.Equals(Environment.GetEnvironmentVariable(DualStackEnvironmentVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var text = new StringBuilder(template.Length + 32);
        int position = 0;
        while (position < template.Length)
        {
            int open = template.IndexOf('{', position);
            int stray = template.IndexOf('}', position);
            if (stray >= 0 && (open < 0 || stray < open))
            {
                throw new ArgumentException($"Endpoint template '{template}' has a '}}' at {stray} without a matching '{{'.", nameof(template));
            }

            if (open < 0)
            {
                text.Append(template, position, template.Length - position);
                break;
            }

            int close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new ArgumentException($"Endpoint template '{template}' has a '{{' at {open} that is not closed.", nameof(template));
            }

            text.Append(template, position, open - position);
            text.Append(Placeholder(template, template.Substring(open + 1, close - open - 1), region, dualStackOn));
            position = close + 1;
        }

        string expanded = text.ToString();
        return Uri.TryCreate(expanded, UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new ArgumentException($"Endpoint template '{template}' expands to '{expanded}', which is not an absolute https URL.", nameof(template));
    }

    private static string Placeholder(string template, string name, OciRegion region, bool dualStack)
    {
        int question = name.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            // {option?ifOn:ifOff}: only dualStack is defined; an option the SDKs do not know is dropped, as they drop it.
            string choices = name[(question + 1)..];
            int colon = choices.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new ArgumentException($"Endpoint template '{template}': option block '{{{name}}}' needs the form {{option?ifOn:ifOff}}.", nameof(template));
            }

            return name[..question] == "dualStack" ? (dualStack ? choices[..colon] : choices[(colon + 1)..]) : string.Empty;
        }

        return name switch
        {
            "region" => region.Id,
            "secondLevelDomain" => region.SecondLevelDomain,
            _ => throw new ArgumentException($"Endpoint template '{template}' has the placeholder '{{{name}}}'; only {{region}}, {{secondLevelDomain}} and {{dualStack?ifOn:ifOff}} are known.", nameof(template)),
        };
    }
}
