namespace OciRaw.Testing;

/// <summary>
/// A tenancy the emulator created: a user with a fresh RSA key pair registered as its API key, and a config file plus
/// key file on disk that <c>OciConfig.FromFile(ConfigFile)</c> reads.
/// </summary>
public sealed class TestTenancy
{
    internal TestTenancy(string tenancyId, string userId, string fingerprint, string keyFile, string configFile, string region)
    {
        TenancyId = tenancyId;
        UserId = userId;
        Fingerprint = fingerprint;
        KeyFile = keyFile;
        ConfigFile = configFile;
        Region = region;
    }

    /// <summary>The profile written to <see cref="ConfigFile"/>.</summary>
    public string Profile { get; } = "DEFAULT";

    /// <summary>The tenancy OCID (also the root compartment users are created in).</summary>
    public string TenancyId { get; }

    /// <summary>The user OCID whose API key signs requests.</summary>
    public string UserId { get; }

    /// <summary>The API key's fingerprint.</summary>
    public string Fingerprint { get; }

    /// <summary><c>tenancy/user/fingerprint</c>.</summary>
    public string KeyId => $"{TenancyId}/{UserId}/{Fingerprint}";

    /// <summary>The PEM private key file (owner read/write only).</summary>
    public string KeyFile { get; }

    /// <summary>The OCI config file.</summary>
    public string ConfigFile { get; }

    /// <summary>The region written to the config file.</summary>
    public string Region { get; }

    /// <inheritdoc />
    public override string ToString() => $"TestTenancy {{ TenancyId = {TenancyId}, UserId = {UserId}, ConfigFile = {ConfigFile} }}";
}
