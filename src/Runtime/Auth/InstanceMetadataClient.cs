using System.Text.Json;

namespace OciRaw;

/// <summary>
/// The instance metadata service v2 (<c>Authorization: Bearer Oracle</c>, never signed): the region, the realm domain,
/// the leaf certificate with its key, and the intermediate certificate.
/// </summary>
internal sealed class InstanceMetadataClient(HttpClient http, Uri baseAddress, TransientRetry retry)
{
    /// <summary>How often a mismatched certificate and key are read: a rotation mid-read passes; a broken service does not.</summary>
    private const int PairReads = 3;

    /// <summary>The region id (<c>us-ashburn-1</c>) and realm domain (<c>oraclecloud.com</c>) of the instance.</summary>
    public async Task<(string Region, string RealmDomain)> GetRegionInfoAsync(CancellationToken cancellationToken)
    {
        string json = await GetTextAsync("instance/regionInfo", cancellationToken).ConfigureAwait(false);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            string? region = document.RootElement.GetProperty("regionIdentifier").GetString();
            string? domain = document.RootElement.GetProperty("realmDomainComponent").GetString();
            return !string.IsNullOrEmpty(region) && !string.IsNullOrEmpty(domain)
                ? (region.ToLowerInvariant(), domain.ToLowerInvariant())
                : throw new OciAuthenticationException("The metadata service's instance/regionInfo has an empty regionIdentifier or realmDomainComponent.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new OciAuthenticationException("The metadata service's instance/regionInfo is not the expected JSON object.", e);
        }
    }

    /// <summary>
    /// The leaf certificate and its key. They are two reads, and the service may rotate the leaf between them: a pair
    /// that does not match is read again, a few times, before it is an error.
    /// </summary>
    public async Task<LeafCertificate> GetLeafAsync(CancellationToken cancellationToken)
    {
        for (int read = 1; read <= PairReads; read++)
        {
            string certificate = await GetTextAsync("identity/cert.pem", cancellationToken).ConfigureAwait(false);
            string key = await GetTextAsync("identity/key.pem", cancellationToken).ConfigureAwait(false);
            if (LeafCertificate.TryPair(certificate, key) is { } leaf)
            {
                return leaf;
            }
        }

        throw new OciAuthenticationException(
            $"The metadata service returned a leaf certificate and a key that do not belong together, {PairReads} times in a row.");
    }

    public Task<string> GetIntermediateAsync(CancellationToken cancellationToken) => GetTextAsync("identity/intermediate.pem", cancellationToken);

    private async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseAddress, path);
        using HttpResponseMessage response = await retry.SendAsync(http, _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer Oracle");
            return ValueTask.FromResult(request);
        }, $"The instance metadata call GET {uri}", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}
