using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests.Retry;

/// <summary>
/// An emulator and the generated Identity client over the production pipeline, on virtual time:
/// <see cref="OciRetryHandler"/> → <see cref="OciSigningHandler"/> → a wire tap that records every attempt as sent.
/// The emulator, the signer's <c>date</c> and the retry waits all read one <see cref="VirtualClock"/>.
/// </summary>
internal sealed class RetryRig : IAsyncDisposable
{
    public const string CreateRoute = "POST /20160918/users";
    public const string GetRoute = "GET /20160918/users/{userId}";

    private RetryRig(OciEmulator emulator, VirtualClock clock, OciRetryOptions options)
    {
        Emulator = emulator;
        Clock = clock;
        Tenancy = emulator.CreateTenancy();
        Signer = new ApiKeySigner(Tenancy.TenancyId, Tenancy.UserId, Tenancy.Fingerprint, Tenancy.KeyFile, options: new OciSignerOptions { TimeProvider = clock });
        Tap = new WireTapHandler();
        Handler = new OciRetryHandler(new OciSigningHandler(Signer, Tap), options, clock);
        Http = new HttpClient(Handler) { BaseAddress = emulator.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        Users = IIdentityUsers.Create(Http);
    }

    /// <summary>Retries on, no per-attempt timeout (each test that needs one sets it).</summary>
    public static OciRetryOptions DefaultOptions { get; } = new() { Enabled = true, AttemptTimeout = Timeout.InfiniteTimeSpan };

    public OciEmulator Emulator { get; }

    public VirtualClock Clock { get; }

    public TestTenancy Tenancy { get; }

    public OciSigner Signer { get; }

    public WireTapHandler Tap { get; }

    public OciRetryHandler Handler { get; }

    public HttpClient Http { get; }

    public IIdentityUsers Users { get; }

    public OciEmulatorFaults Faults => Emulator.Faults;

    public static async Task<RetryRig> StartAsync(OciRetryOptions? options = null, VirtualClock? clock = null)
    {
        clock ??= new VirtualClock();
        OciEmulator emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        return new RetryRig(emulator, clock, options ?? DefaultOptions);
    }

    public CreateUserDetails NewUserDetails(string name) => new(Tenancy.TenancyId, name, "created by a retry test");

    /// <summary>A user created before any fault is scripted.</summary>
    public async Task<User> CreateUserAsync(string name) => (await Users.CreateUserAsync(NewUserDetails(name))).Data;

    public async Task<List<User>> ListAllAsync()
    {
        var all = new List<User>();
        await foreach (User user in Users.ListUsersAsync(Tenancy.TenancyId))
        {
            all.Add(user);
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
