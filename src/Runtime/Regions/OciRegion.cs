namespace OciRaw;

/// <summary>
/// An OCI region: its id (<c>us-ashburn-1</c>), short code (<c>iad</c>), realm (<c>oc1</c>) and the realm's second-level
/// domain (<c>oraclecloud.com</c>) that service endpoints end with. <see cref="Resolve"/> finds one from an id or a short
/// code in the built-in table, then in <c>~/.oci/regions-config.json</c>, <c>OCI_REGION_METADATA</c> and, when enabled,
/// the instance metadata service.
/// </summary>
public sealed class OciRegion
{
    internal OciRegion(string id, string? code, string? realmKey, string secondLevelDomain)
    {
        Id = id;
        Code = code;
        RealmKey = realmKey;
        SecondLevelDomain = secondLevelDomain;
    }

    /// <summary>The region identifier, lowercase: <c>us-ashburn-1</c>.</summary>
    public string Id { get; }

    /// <summary>The short code, lowercase: <c>iad</c>; null when the source did not give one.</summary>
    public string? Code { get; }

    /// <summary>The realm key: <c>oc1</c>; null when only a second-level domain is known (<c>OCI_DEFAULT_REALM</c>).</summary>
    public string? RealmKey { get; }

    /// <summary>The realm's second-level domain: <c>oraclecloud.com</c>. For a region given as a domain suffix, that suffix.</summary>
    public string SecondLevelDomain { get; }

    /// <summary>True when the region was given as a domain suffix (it contains a dot): endpoints are <c>https://&lt;service&gt;.&lt;suffix&gt;</c>.</summary>
    public bool IsDomainSuffix => Id.Contains('.', StringComparison.Ordinal);

    /// <summary>The regions OciRaw knows without any configuration.</summary>
    public static IReadOnlyList<OciRegion> BuiltIn => RegionResolver.BuiltIn;

    /// <summary>
    /// Finds a region from its id or short code, in any case (spec §7.1): the built-in table, then
    /// <c>~/.oci/regions-config.json</c>, then <c>OCI_REGION_METADATA</c>, then the instance metadata service if
    /// <see cref="EnableInstanceMetadataService"/> was called (each source is read once per process). A region that
    /// contains a dot is taken as a domain suffix; an unknown id gets <c>OCI_DEFAULT_REALM</c>'s domain when that is set.
    /// </summary>
    /// <exception cref="OciRegionException">The region is unknown (the message says how to declare it), or a metadata source is malformed.</exception>
    public static OciRegion Resolve(string region) => RegionResolver.Default.Resolve(region);

    /// <summary>Lets <see cref="Resolve"/> ask the instance metadata service as its last source (off by default: off an instance it would wait for a timeout).</summary>
    public static void EnableInstanceMetadataService() => RegionResolver.Default.EnableInstanceMetadataService();

    /// <inheritdoc />
    public override string ToString() => Id;
}
