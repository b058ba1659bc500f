using OciRaw.Testing;

namespace OciRaw.Tests;

/// <summary>An emulator with one tenancy, whose config file ociraw signs with (owner-only, so no permission warning).</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private EmulatorFixture(OciEmulator emulator, TestTenancy tenancy)
    {
        Emulator = emulator;
        Tenancy = tenancy;
    }

    public OciEmulator Emulator { get; }

    public TestTenancy Tenancy { get; }

    public string UsersUri => new Uri(Emulator.BaseAddress, "/20160918/users").ToString();

    public string UserUri(string userId) => new Uri(Emulator.BaseAddress, "/20160918/users/" + userId).ToString();

    public static async Task<EmulatorFixture> StartAsync()
    {
        OciEmulator emulator = await OciEmulator.StartAsync();
        return new EmulatorFixture(emulator, emulator.CreateTenancy());
    }

    /// <summary>ociraw raw-request with this tenancy's config file and a fixed request id.</summary>
    public Task<CliResult> RawRequestAsync(params string[] args) =>
        CliRunner.RunAsync(["raw-request", "--config-file", Tenancy.ConfigFile, "--request-id", "PARITY-REQUEST", .. args]);

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
