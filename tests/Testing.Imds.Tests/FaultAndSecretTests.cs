using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace OciRaw.Testing.Imds.Tests;

public sealed class FaultAndSecretTests
{
    [Fact]
    public async Task Faults_apply_to_IMDS_routes()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        emulator.Faults.Enqueue("GET /opc/v2/identity/cert.pem", OciFault.Error(503, "ServiceUnavailable"), count: 2);
        emulator.Faults.Enqueue("GET /opc/v2/instance/region", OciFault.Drop());

        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage unavailable = await Imds.SendAsync(Imds.Get(emulator, "/identity/cert.pem"));
            Assert.Equal(503, (int)unavailable.StatusCode);
        }

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", await Imds.GetStringAsync(emulator, "/identity/cert.pem"), StringComparison.Ordinal);
        Assert.Equal(3, emulator.Faults.CallCount("GET /opc/v2/identity/cert.pem"));

        await Assert.ThrowsAsync<HttpRequestException>(() => Imds.SendAsync(Imds.Get(emulator, "/instance/region")));
        Assert.Equal("iad", await Imds.GetStringAsync(emulator, "/instance/region"));
        Assert.Equal(2, emulator.Faults.CallCount("GET /opc/v2/instance/region"));
        Assert.Empty(emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task Faults_apply_to_the_federation_route()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatedInstancePrincipals.FederationRoute, OciFault.Error(429, "TooManyRequests", retryAfter: TimeSpan.FromSeconds(2)));
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);
        using RSA sessionKey = SessionKeys.Get();

        using (HttpResponseMessage throttled = await Federation.PostAsync(emulator, identity.KeyId, identity.LeafKey, Federation.Body(identity, sessionKey)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), throttled.Headers.RetryAfter?.Delta);
        }

        using (HttpResponseMessage ok = await Federation.PostAsync(emulator, identity.KeyId, identity.LeafKey, Federation.Body(identity, sessionKey)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        Assert.Equal("POST /v1/x509", EmulatedInstancePrincipals.FederationRoute);
        Assert.Equal(2, emulator.InstancePrincipals.FederationCallCount);
        Assert.Equal(1, emulator.InstancePrincipals.IssuedTokenCount);
    }

    [Fact]
    public async Task Logs_and_failures_never_show_private_keys_or_tokens()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using OciEmulator emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { LoggerFactory = factory });
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);
        (string token, RSA sessionKey) = await Federation.GetTokenAsync(emulator);
        emulator.InstancePrincipals.RevokeAllTokens();
        using (sessionKey)
        using (HttpClient http = TokenClient.Create(token, sessionKey))
        using (HttpResponseMessage refused = await http.GetAsync(new Uri(emulator.BaseAddress, "20160918/users?compartmentId=x")))
        {
            Assert.Equal(401, (int)refused.StatusCode);
            Assert.DoesNotContain(token, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (HttpResponseMessage unauthenticated = await Imds.SendAsync(Imds.Get(emulator, "/identity/key.pem", authorization: null)))
        {
            Assert.DoesNotContain("PRIVATE KEY", await unauthenticated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        string keyBody = identity.LeafKeyPem.Split('\n')[1];
        string everything = string.Join("\n", logs.Messages.Concat(emulator.AuthenticationFailures));
        Assert.Contains("Issued instance-principal security token", everything, StringComparison.Ordinal);
        Assert.Contains("was revoked", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], everything, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(keyBody, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.LeafKeyPem, emulator.InstancePrincipals.ToString()!, StringComparison.Ordinal);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
