namespace OciRaw.Cli;

/// <summary>
/// --target-uri as a full URL (sent as given, as by <c>oci raw-request</c>) or with an endpoint template in its host,
/// e.g. <c>https://identity.{region}.oci.{secondLevelDomain}/20160918/users</c>: the host is expanded for the region by
/// the runtime's region table and <see cref="OciEndpointTemplate"/> (realm domains, short codes, regions-config.json and
/// OCI_REGION_METADATA), the path and query are kept.
/// </summary>
internal static class TargetUriTemplate
{
    private const string Example = "https://identity.us-ashburn-1.oci.oraclecloud.com/20160918/users?compartmentId=...";

    public static Uri Resolve(string value, Func<string?> region)
    {
        string text = value.Trim();
        int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        int pathStart = schemeEnd < 0 ? -1 : text.IndexOfAny(['/', '?', '#'], schemeEnd + 3);
        string authority = pathStart < 0 ? text : text[..pathStart];
        if (schemeEnd > 0 && authority.Contains('{', StringComparison.Ordinal))
        {
            text = Expand(value, authority, region()) + (pathStart < 0 ? string.Empty : text[pathStart..]);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CliUsageException($"--target-uri '{value}' is not an absolute http(s) URL, e.g. {Example}");
        }

        return uri;
    }

    private static string Expand(string value, string authority, string? region)
    {
        if (region is null)
        {
            throw new CliUsageException($"--target-uri '{value}' has a template in its host, and no region is set to expand it: pass --region, set " +
                $"{CliEnvironment.Region}, or give the profile a region.");
        }

        if (CliEnvironment.Get(CliEnvironment.UseInstanceMetadataService) is not null)
        {
            // cli_util.build_raw_requests_session: the instance's own region joins the table.
            OciRegion.EnableInstanceMetadataService();
        }

        // The service name is the host's first label: what a region given as a domain suffix is prefixed with.
        string host = authority[(authority.IndexOf("://", StringComparison.Ordinal) + 3)..];
        string serviceName = host.Split('.')[0];
        try
        {
            return OciEndpointTemplate.Expand(authority, serviceName, OciRegion.Resolve(region)).GetLeftPart(UriPartial.Authority);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--target-uri '{value}': {e.Message}");
        }
    }
}
