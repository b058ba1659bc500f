using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing;

namespace OciRaw.Extensions.DependencyInjection.Tests;

/// <summary>
/// Every attempt is an <see cref="ILogger"/> event with the method, the path without its query, the status, the
/// <c>opc-request-id</c>, the attempt number, the latency and why it was retried; nothing secret is ever logged.
/// </summary>
public sealed class AttemptLoggingTests
{
    [Fact]
    public async Task Every_attempt_is_logged_with_its_outcome_and_no_secret_or_query_value_appears()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        TestTenancy tenancy = emulator.CreateTenancy();
        var wire = new WireTapHandler();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        var oci = TestConfiguration.Oci(
            ("ConfigFile", tenancy.ConfigFile),
            ("Endpoint", emulator.BaseAddress.ToString()),
            ("Retry:MaxAttempts", "2"),
            ("Retry:BaseDelay", "00:00:00.001"),  // a real wait of at most 1 ms
            ("Retry:MaxDelay", "00:00:00.001"));
        services.AddOciSigner(oci);
        services.AddOciClient<IIdentityUsers>(oci).ConfigurePrimaryHttpMessageHandler(() => wire);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IIdentityUsers users = provider.GetRequiredService<IIdentityUsers>();
        FakeLogCollector logs = provider.GetFakeLogCollector();

        emulator.Faults.Enqueue("GET /20160918/users", OciFault.Error(503, "ServiceUnavailable"));
        await foreach (User _ in users.ListUsersAsync(tenancy.TenancyId))
        {
        }

        emulator.Faults.Enqueue("GET /20160918/users/{userId}", OciFault.Drop(), count: 2);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => users.GetUserAsync("ocid1.user.oc1..gone"));

        FakeLogRecord[] attempts = logs.GetSnapshot().Where(r => r.Category == OciLoggingObserver.HttpCategory).ToArray();
        Assert.Equal(["OciAttemptRetried", "OciAttemptCompleted", "OciAttemptRetried", "OciAttemptFailed"], attempts.Select(r => r.Id.Name));
        Assert.Equal([LogLevel.Warning, LogLevel.Information, LogLevel.Warning, LogLevel.Warning], attempts.Select(r => r.Level));
        Assert.Equal(["1", "2", "1", "2"], attempts.Select(r => r.GetStructuredStateValue("Attempt")));
        Assert.All(attempts, r => Assert.Equal("GET", r.GetStructuredStateValue("Method")));
        Assert.All(attempts, r => Assert.Equal("identity", r.GetStructuredStateValue("Service")));
        Assert.All(attempts, r => Assert.True(double.Parse(r.GetStructuredStateValue("ElapsedMilliseconds")!, System.Globalization.CultureInfo.InvariantCulture) >= 0));

        FakeLogRecord retried = attempts[0];
        Assert.Equal("/20160918/users", retried.GetStructuredStateValue("Path"));
        Assert.Equal("503", retried.GetStructuredStateValue("StatusCode"));
        Assert.Equal("503 ServiceUnavailable", retried.GetStructuredStateValue("RetryReason"));
        Assert.Equal(wire.Sent[0].Header("opc-request-id"), retried.GetStructuredStateValue("RequestId"));
        Assert.NotNull(retried.GetStructuredStateValue("RetryDelayMilliseconds"));

        FakeLogRecord completed = attempts[1];
        Assert.Equal("200", completed.GetStructuredStateValue("StatusCode"));
        Assert.Equal(wire.Sent[1].Header("opc-request-id"), completed.GetStructuredStateValue("RequestId"));

        Assert.Equal("/20160918/users/ocid1.user.oc1..gone", attempts[2].GetStructuredStateValue("Path"));
        Assert.NotNull(attempts[2].GetStructuredStateValue("RetryReason"));
        Assert.Equal(typeof(HttpRequestException).FullName, attempts[3].GetStructuredStateValue("ErrorType"));
        Assert.Null(attempts[3].GetStructuredStateValue("StatusCode"));

        string[] secrets =
        [
            tenancy.TenancyId,                                                   // the list's query value
            .. wire.Sent.Select(s => s.AuthorizationParameter("signature")),
            .. wire.Sent.Select(s => s.Header("authorization")!),
            .. SecretAssert.Base64Lines(File.ReadAllText(tenancy.KeyFile)),
        ];
        SecretAssert.NotIn(logs.GetSnapshot().Select(LogText.Of), secrets);
    }
}
