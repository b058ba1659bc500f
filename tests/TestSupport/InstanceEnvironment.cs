using OciRaw.Testing;

namespace OciRaw.TestSupport;

/// <summary>
/// An emulator whose metadata and federation services are what <c>OCI_METADATA_BASE_URL</c> and
/// <c>OCI_SDK_AUTH_CLIENT_REGION_URL</c> point to, as on a compute instance; disposing restores both variables. They
/// are process-wide, so a test class using this belongs to <see cref="EnvironmentTestGroup"/>.
/// </summary>
public sealed class InstanceEnvironment : IAsyncDisposable
{
    private readonly string? _savedMetadata;
    private readonly string? _savedFederation;

    private InstanceEnvironment(OciEmulator emulator)
    {
        Emulator = emulator;
        _savedMetadata = Environment.GetEnvironmentVariable(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable);
        _savedFederation = Environment.GetEnvironmentVariable(InstancePrincipalsSignerOptions.FederationUrlVariable);
        Environment.SetEnvironmentVariable(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable, emulator.InstancePrincipals.MetadataBaseAddress.ToString());
        Environment.SetEnvironmentVariable(InstancePrincipalsSignerOptions.FederationUrlVariable, emulator.BaseAddress.ToString());
    }

    public OciEmulator Emulator { get; }

    public static async Task<InstanceEnvironment> StartAsync() => new(await OciEmulator.StartAsync());

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(InstancePrincipalsSignerOptions.MetadataBaseUrlVariable, _savedMetadata);
        Environment.SetEnvironmentVariable(InstancePrincipalsSignerOptions.FederationUrlVariable, _savedFederation);
        await Emulator.DisposeAsync();
    }
}
