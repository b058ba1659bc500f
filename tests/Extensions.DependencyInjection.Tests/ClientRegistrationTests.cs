using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing;

namespace OciRaw.Extensions.DependencyInjection.Tests;

/// <summary>
/// <c>AddOciSigner</c> + <c>AddOciClient&lt;IIdentityUsers&gt;</c>: the generated client comes out of a
/// <see cref="ServiceProvider"/> and calls the emulator, signed, with OCI's headers, through the application's handlers.
/// </summary>
public sealed class ClientRegistrationTests
{
    [Fact]
    public async Task A_client_resolved_from_the_container_calls_the_emulator_with_the_config_file_signer()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        TestTenancy tenancy = emulator.CreateTenancy();
        var wire = new WireTapHandler();
        var application = new RecordingHandler();
        var services = new ServiceCollection();
        var oci = TestConfiguration.Oci(("ConfigFile", tenancy.ConfigFile), ("Profile", tenancy.Profile), ("Endpoint", emulator.BaseAddress.ToString()));
        services.AddOciSigner(oci);
        services.AddOciClient<IIdentityUsers>(oci)
            .AddHttpMessageHandler(() => application)
            .ConfigurePrimaryHttpMessageHandler(() => wire);

        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            IIdentityUsers users = provider.GetRequiredService<IIdentityUsers>();
            User created = (await users.CreateUserAsync(new CreateUserDetails(tenancy.TenancyId, "di-user", "made through DI"))).Data;
            Assert.Equal("di-user", (await users.GetUserAsync(created.Id)).Data.Name);
            await users.DeleteUserAsync(created.Id);

            // One signer for the whole container, whatever the number of clients resolved.
            Assert.Same(provider.GetRequiredService<OciSigner>(), provider.GetRequiredService<OciSigner>());
        }

        Assert.Empty(emulator.AuthenticationFailures);
        Assert.Equal(["POST", "GET", "DELETE"], wire.Sent.Select(s => s.Method));
        Assert.All(wire.Sent, sent =>
        {
            Assert.StartsWith("Signature ", sent.Header("authorization"), StringComparison.Ordinal);
            Assert.StartsWith("OciRaw/", sent.Header("User-Agent"), StringComparison.Ordinal);
            Assert.Matches("^[0-9A-F]{32}$", sent.Header("opc-request-id"));
            Assert.Equal("true", sent.Header("opc-client-retries"));
        });
        // JSON operations ask for JSON; the delete, which reads no body, does not.
        Assert.Equal(["application/json", "application/json", null], wire.Sent.Select(s => s.Header("accept")));
        // The application's handler runs above signing: it sees every request, before it is signed.
        Assert.Equal(3, application.Seen.Count);
        Assert.All(application.Seen, authorization => Assert.Null(authorization));
    }

    [Fact]
    public async Task The_region_picks_the_endpoint_and_retry_and_timeout_settings_reach_the_pipeline()
    {
        var wire = new AnswerHandler();
        var services = new ServiceCollection();
        services.AddOciSigner(new StaticSigner());
        services.AddOciClient<IIdentityUsers>(TestConfiguration.Oci(("Region", "fra"), ("Timeout", "00:00:42"), ("Retry:MaxAttempts", "3")))
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IIdentityUsers>().GetUserAsync("ocid1.user.oc1..a");

        Assert.Equal("https://identity.eu-frankfurt-1.oci.oraclecloud.com/20160918/users/ocid1.user.oc1..a", wire.LastUri!.AbsoluteUri);
        HttpClient named = provider.GetRequiredService<IHttpClientFactory>().CreateClient(typeof(IIdentityUsers).FullName!);
        Assert.Equal(TimeSpan.FromSeconds(42), named.Timeout);
        Assert.Equal(new Uri("https://identity.eu-frankfurt-1.oci.oraclecloud.com/"), named.BaseAddress);
    }

    [Fact]
    public async Task A_client_can_have_its_own_signer_which_the_container_creates_once_and_disposes()
    {
        var wire = new AnswerHandler();
        var own = new StaticSigner();
        int created = 0;
        var services = new ServiceCollection();
        services.AddOciClient<IIdentityUsers>(settings =>
        {
            settings.Endpoint = new Uri("https://identity.example/");
            settings.Signer = _ =>
            {
                created++;
                return own;
            };
        }).ConfigurePrimaryHttpMessageHandler(() => wire);

        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IIdentityUsers>().GetUserAsync("a");
            await provider.GetRequiredService<IIdentityUsers>().GetUserAsync("b");
        }

        Assert.Equal(1, created);
        Assert.Equal(2, own.Signed);
        Assert.True(own.Disposed);
    }

    /// <summary>Records the Authorization header each request had when it passed (null: not signed yet).</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<string?> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add(request.Headers.Authorization?.ToString());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
