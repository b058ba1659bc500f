namespace OciRaw;

/// <summary>The region of the compute instance this process runs on, from the instance metadata service's <c>instance/regionInfo</c>.</summary>
internal static class InstanceMetadataRegion
{
    /// <summary>
    /// Asks the metadata service (<c>OCI_METADATA_BASE_URL</c>, else 169.254.169.254) once, with the instance-principal
    /// retry policy. Synchronous because region resolution is: it runs once per process, only when enabled.
    /// </summary>
    public static OciRegion? Fetch()
    {
        var options = new InstancePrincipalsSignerOptions();
        Uri baseAddress = Environment.GetEnvironmentVariable(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable) is { Length: > 0 } fromEnvironment
            ? new Uri(fromEnvironment.EndsWith('/') ? fromEnvironment : fromEnvironment + "/")
            : InstancePrincipalsSignerOptions.DefaultMetadataBaseAddress;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new InstanceMetadataClient(http, baseAddress, new TransientRetry(options));
        try
        {
            (string id, string domain) = client.GetRegionInfoAsync(CancellationToken.None).GetAwaiter().GetResult();
            string? realm = RegionTable.Realms.FirstOrDefault(r => r.Value == domain).Key;
            return new OciRegion(id, null, realm, domain);
        }
        catch (OciAuthenticationException e)
        {
            throw new OciRegionException($"The instance metadata service could not tell this instance's region: {e.Message}", e);
        }
    }
}
