using System.Security.Cryptography;
using System.Text.Json;

namespace OciRaw.Testing.Imds.Tests;

public sealed class TokenSignedRequestTests
{
    [Fact]
    public async Task A_token_signed_client_creates_and_lists_users_in_the_instance_tenancy()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        string tenancy = emulator.InstancePrincipals.TenancyId;
        (string token, RSA sessionKey) = await Federation.GetTokenAsync(emulator);
        using (sessionKey)
        using (HttpClient http = TokenClient.Create(token, sessionKey))
        {
            using HttpResponseMessage created = await TokenClient.CreateUserAsync(http, emulator, tenancy, "instance-made");
            string text = await created.Content.ReadAsStringAsync();
            Assert.True(created.IsSuccessStatusCode, $"{(int)created.StatusCode} {text} {string.Join(" | ", emulator.AuthenticationFailures)}");
            using (JsonDocument user = JsonDocument.Parse(text))
            {
                Assert.Equal(tenancy, user.RootElement.GetProperty("compartmentId").GetString());
            }

            using HttpResponseMessage listed = await http.GetAsync(new Uri(emulator.BaseAddress, $"20160918/users?compartmentId={tenancy}"));
            Assert.Equal(200, (int)listed.StatusCode);
            using JsonDocument users = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
            Assert.Equal("instance-made", Assert.Single(users.RootElement.EnumerateArray()).GetProperty("name").GetString());

            // The token acts in its own tenancy only: another tenancy is not there for it.
            using HttpResponseMessage elsewhere = await TokenClient.CreateUserAsync(http, emulator, "ocid1.tenancy.oc1..aaaaaaaaelsewhere", "x");
            Assert.Equal(404, (int)elsewhere.StatusCode);
            Assert.Contains("NotAuthorizedOrNotFound", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task An_expired_token_is_refused_by_the_server_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using OciEmulator emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        string tenancy = emulator.InstancePrincipals.TenancyId;
        (string token, RSA sessionKey) = await Federation.GetTokenAsync(emulator, clock);
        using (sessionKey)
        using (HttpClient http = TokenClient.Create(token, sessionKey, clock))
        {
            clock.Advance(TimeSpan.FromMinutes(19));
            using (HttpResponseMessage stillValid = await TokenClient.CreateUserAsync(http, emulator, tenancy, "before-expiry"))
            {
                Assert.Equal(200, (int)stillValid.StatusCode);
            }

            clock.Advance(TimeSpan.FromMinutes(1));
            using HttpResponseMessage expired = await TokenClient.CreateUserAsync(http, emulator, tenancy, "after-expiry");
            Assert.Equal(401, (int)expired.StatusCode);
            Assert.Equal("NotAuthenticated", await Federation.ErrorCodeAsync(expired));
        }

        string failure = Assert.Single(emulator.AuthenticationFailures);
        Assert.StartsWith("POST /20160918/users: ", failure, StringComparison.Ordinal);
        Assert.Contains("expired", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(token, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_tokens_are_refused_and_a_new_token_works()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        string tenancy = emulator.InstancePrincipals.TenancyId;
        (string token, RSA sessionKey) = await Federation.GetTokenAsync(emulator);
        using (sessionKey)
        using (HttpClient http = TokenClient.Create(token, sessionKey))
        {
            using (HttpResponseMessage ok = await http.GetAsync(new Uri(emulator.BaseAddress, $"20160918/users?compartmentId={tenancy}")))
            {
                Assert.Equal(200, (int)ok.StatusCode);
            }

            emulator.InstancePrincipals.RevokeAllTokens();
            using HttpResponseMessage revoked = await http.GetAsync(new Uri(emulator.BaseAddress, $"20160918/users?compartmentId={tenancy}"));
            Assert.Equal(401, (int)revoked.StatusCode);
        }

        string failure = Assert.Single(emulator.AuthenticationFailures);
        Assert.Contains("was revoked", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(token, failure, StringComparison.Ordinal);

        (string fresh, RSA freshKey) = await Federation.GetTokenAsync(emulator, sessionKeyIndex: 1);
        using (freshKey)
        using (HttpClient http = TokenClient.Create(fresh, freshKey))
        {
            using HttpResponseMessage ok = await http.GetAsync(new Uri(emulator.BaseAddress, $"20160918/users?compartmentId={tenancy}"));
            Assert.Equal(200, (int)ok.StatusCode);
        }

        Assert.Equal(2, emulator.InstancePrincipals.IssuedTokenCount);
    }

    [Fact]
    public async Task A_token_must_be_signed_with_its_session_key_and_must_have_been_issued()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        string tenancy = emulator.InstancePrincipals.TenancyId;
        Uri users = new(emulator.BaseAddress, $"20160918/users?compartmentId={tenancy}");
        (string token, RSA sessionKey) = await Federation.GetTokenAsync(emulator);
        sessionKey.Dispose();

        using (RSA otherKey = SessionKeys.Get(1))
        using (HttpClient wrongKey = TokenClient.Create(token, otherKey))
        using (HttpResponseMessage response = await wrongKey.GetAsync(users))
        {
            Assert.Equal(401, (int)response.StatusCode);
        }

        string[] parts = token.Split('.');
        string forged = parts[0] + "." + parts[1] + "." + parts[2][..^4] + "AAAA";
        using (RSA key = SessionKeys.Get())
        using (HttpClient unknown = TokenClient.Create(forged, key))
        using (HttpResponseMessage response = await unknown.GetAsync(users))
        {
            Assert.Equal(401, (int)response.StatusCode);
        }

        Assert.Collection(
            emulator.AuthenticationFailures,
            f => Assert.Contains("RSA signature does not match", f, StringComparison.Ordinal),
            f => Assert.Contains("unknown security token", f, StringComparison.Ordinal));
        Assert.All(emulator.AuthenticationFailures, f => Assert.DoesNotContain(parts[1], f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_keeps_its_tenancy_after_the_certificate_moves_to_another_tenancy()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        string original = emulator.InstancePrincipals.TenancyId;
        (string token, RSA sessionKey) = await Federation.GetTokenAsync(emulator);
        emulator.InstancePrincipals.RotateCertificateToTenancy("ocid1.tenancy.oc1..aaaaaaaamovedaway");

        using (sessionKey)
        using (HttpClient http = TokenClient.Create(token, sessionKey))
        using (HttpResponseMessage created = await TokenClient.CreateUserAsync(http, emulator, original, "still-original"))
        {
            Assert.Equal(200, (int)created.StatusCode);
        }
    }
}
