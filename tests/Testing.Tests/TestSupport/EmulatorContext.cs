using OciRaw.Samples.IdentityUsers;

namespace OciRaw.Testing.Tests.TestSupport;

/// <summary>
/// One emulator with one tenancy, and the client a user of OciRaw would build for it: an HttpClient over
/// <see cref="OciSigningHandler"/> with the signer read from the tenancy's config file, and the generated
/// <see cref="IIdentityUsers"/> on top. A <see cref="WireTapHandler"/> under the signing handler records what is sent.
/// </summary>
internal sealed class EmulatorContext : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private EmulatorContext(OciEmulator emulator)
    {
        Emulator = emulator;
        Tenancy = emulator.CreateTenancy();
        Signer = OciSigner.FromConfig(OciConfig.FromFile(Tenancy.ConfigFile));
        Tap = new WireTapHandler();
        Http = Track(new HttpClient(new OciSigningHandler(Signer, Tap)) { BaseAddress = emulator.BaseAddress });
        Users = IIdentityUsers.Create(Http);
    }

    public OciEmulator Emulator { get; }

    public TestTenancy Tenancy { get; }

    public OciSigner Signer { get; }

    public WireTapHandler Tap { get; }

    /// <summary>Signs with the tenancy's key, as the sample does.</summary>
    public HttpClient Http { get; }

    public IIdentityUsers Users { get; }

    public static async Task<EmulatorContext> StartAsync(OciEmulatorOptions? options = null) =>
        new(await OciEmulator.StartAsync(options));

    /// <summary>A client signed with <paramref name="signer"/> (default: the tenancy's) whose requests <paramref name="afterSigning"/> may change after signing.</summary>
    public HttpClient CreateHttp(OciSigner? signer = null, Func<HttpRequestMessage, Task>? afterSigning = null, TimeSpan? timeout = null) =>
        CreateHttp(signer, afterSigning, out _, timeout);

    public HttpClient CreateHttp(OciSigner? signer, Func<HttpRequestMessage, Task>? afterSigning, out WireTapHandler tap, TimeSpan? timeout = null)
    {
        tap = new WireTapHandler(afterSigning);
        var http = new HttpClient(new OciSigningHandler(signer ?? Signer, tap)) { BaseAddress = Emulator.BaseAddress };
        if (timeout is { } t)
        {
            http.Timeout = t;
        }

        return Track(http);
    }

    /// <summary>A client with no signing handler at all.</summary>
    public HttpClient CreateUnsignedHttp() => Track(new HttpClient { BaseAddress = Emulator.BaseAddress });

    /// <summary>A second tenancy of the same emulator, with its own key, client and users.</summary>
    public (TestTenancy Tenancy, HttpClient Http, IIdentityUsers Users) CreateOtherTenancy()
    {
        TestTenancy other = Emulator.CreateTenancy();
        HttpClient http = Track(new HttpClient(new OciSigningHandler(OciSigner.FromConfig(OciConfig.FromFile(other.ConfigFile)))) { BaseAddress = Emulator.BaseAddress });
        return (other, http, IIdentityUsers.Create(http));
    }

    public CreateUserDetails NewUserDetails(string name, string description = "created by a test") => new(Tenancy.TenancyId, name, description);

    public async ValueTask DisposeAsync()
    {
        foreach (HttpClient client in _clients)
        {
            client.Dispose();
        }

        await Emulator.DisposeAsync();
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
