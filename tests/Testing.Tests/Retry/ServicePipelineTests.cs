using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;

namespace OciRaw.Testing.Tests.Retry;

/// <summary>
/// The generated <c>IIdentityUsers.Create(signer, region, options)</c>: the region picks the endpoint, the pipeline adds
/// OCI's standard headers and retries, and every attempt is traced and measured without a secret or a query value.
/// </summary>
public sealed class ServicePipelineTests
{
    [Fact]
    public async Task The_region_picks_the_endpoint_and_an_unknown_region_says_how_to_declare_it()
    {
        var transport = new AnswerHandler();
        IIdentityUsers users = IIdentityUsers.Create(new StaticTestSigner(), "PHX", new OciClientOptions { InnerHandler = transport });

        await users.GetUserAsync("ocid1.user.oc1..a");

        Assert.Equal("https://identity.us-phoenix-1.oci.oraclecloud.com/20160918/users/ocid1.user.oc1..a", transport.LastUri!.AbsoluteUri);
        OciRegionException unknown = Assert.Throws<OciRegionException>(() => IIdentityUsers.Create(new StaticTestSigner(), "mars-olympus-1"));
        Assert.Contains("OCI_REGION_METADATA", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_through_the_factory_carry_the_standard_headers_and_reach_the_emulator()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        TestTenancy tenancy = emulator.CreateTenancy();
        var tap = new WireTapHandler();
        IIdentityUsers users = IIdentityUsers.Create(OciSigner.FromConfig(OciConfig.FromFile(tenancy.ConfigFile)), "iad",
            new OciClientOptions { Endpoint = emulator.BaseAddress, InnerHandler = tap });

        User created = (await users.CreateUserAsync(new CreateUserDetails(tenancy.TenancyId, "f", "d"))).Data;

        Assert.Equal(created.Id, (await users.GetUserAsync(created.Id)).Data.Id);
        Assert.All(tap.Sent, sent =>
        {
            Assert.StartsWith("OciRaw/", sent.Header("User-Agent"), StringComparison.Ordinal);
            Assert.Matches("^[0-9A-F]{32}$", sent.Header("opc-request-id"));
            Assert.Equal("true", sent.Header("opc-client-retries"));
        });
        Assert.NotEqual(tap.Sent[0].Header("opc-request-id"), tap.Sent[1].Header("opc-request-id"));
        Assert.Empty(emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task A_client_made_for_an_endpoint_signs_retries_and_sends_there()
    {
        // The factory every client gets, for hosts that no region names (an Identity Domain's URL, a global host).
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        TestTenancy tenancy = emulator.CreateTenancy();
        var tap = new WireTapHandler();
        IIdentityUsers users = IIdentityUsers.Create(OciSigner.FromConfig(OciConfig.FromFile(tenancy.ConfigFile)), emulator.BaseAddress,
            new OciClientOptions { InnerHandler = tap, Retry = new OciRetryOptions { Enabled = true, AttemptTimeout = Timeout.InfiniteTimeSpan, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero } });
        User created = (await users.CreateUserAsync(new CreateUserDetails(tenancy.TenancyId, "e", "d"))).Data;
        emulator.Faults.Enqueue("GET /20160918/users/{userId}", OciFault.Error(503, "ServiceUnavailable"));

        Assert.Equal(created.Id, (await users.GetUserAsync(created.Id)).Data.Id);

        Assert.Equal(3, tap.Sent.Count); // the create, the 503, the retry
        Assert.All(tap.Sent, sent =>
        {
            Assert.Equal(emulator.BaseAddress.Authority, sent.Uri.Authority);
            Assert.StartsWith("OciRaw/", sent.Header("User-Agent"), StringComparison.Ordinal);
            Assert.Equal("true", sent.Header("opc-client-retries"));
        });
        Assert.Empty(emulator.AuthenticationFailures);
        Assert.Equal("signer", Assert.Throws<ArgumentNullException>(() => IIdentityUsers.Create(null!, emulator.BaseAddress)).ParamName);
        Assert.Equal("endpoint", Assert.Throws<ArgumentNullException>(() => IIdentityUsers.Create(new StaticTestSigner(), (Uri)null!)).ParamName);
    }

    [Fact]
    public async Task Every_attempt_is_traced_and_measured_and_no_secret_or_query_value_appears()
    {
        var clock = new VirtualClock();
        await using OciEmulator emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        TestTenancy tenancy = emulator.CreateTenancy();
        var signer = new ApiKeySigner(tenancy.TenancyId, tenancy.UserId, tenancy.Fingerprint, tenancy.KeyFile, options: new OciSignerOptions { TimeProvider = clock });
        var tap = new WireTapHandler();
        var observer = new RecordingObserver();
        IIdentityUsers users = IIdentityUsers.Create(signer, "iad", new OciClientOptions
        {
            Endpoint = emulator.BaseAddress,
            InnerHandler = tap,
            TimeProvider = clock,
            Observer = observer,
            Retry = new OciRetryOptions { Enabled = true, AttemptTimeout = Timeout.InfiniteTimeSpan },
        });
        User user = (await users.CreateUserAsync(new CreateUserDetails(tenancy.TenancyId, "t", "d"))).Data;
        emulator.Faults.Enqueue("GET /20160918/users", OciFault.Error(503, "ServiceUnavailable"));
        using var capture = new TelemetryCapture(emulator.BaseAddress.Port);

        List<User> listed = await clock.DriveAsync(ListAsync(users, tenancy.TenancyId));

        Assert.Contains(listed, u => u.Id == user.Id);
        Assert.Equal(2, capture.Activities.Count);
        Activity failed = capture.Activities[0];
        Activity succeeded = capture.Activities[1];
        Assert.Equal(ActivityKind.Client, failed.Kind);
        Assert.Equal("GET", failed.GetTagItem("http.request.method"));
        Assert.Equal(emulator.BaseAddress.Host, failed.GetTagItem("server.address"));
        Assert.Equal(emulator.BaseAddress.Port, failed.GetTagItem("server.port"));
        Assert.Equal("identity", failed.GetTagItem("oci.service"));
        Assert.Equal($"{emulator.BaseAddress.GetLeftPart(UriPartial.Authority)}/20160918/users?compartmentId=REDACTED", failed.GetTagItem("url.full"));
        Assert.Equal(503, failed.GetTagItem("http.response.status_code"));
        Assert.Equal("503", failed.GetTagItem("error.type"));
        Assert.Equal("503 ServiceUnavailable", Assert.Single(failed.Events).Tags.Single(t => t.Key == "oci.retry.reason").Value);
        Assert.Equal(200, succeeded.GetTagItem("http.response.status_code"));
        Assert.Equal(1, succeeded.GetTagItem("http.request.resend_count"));
        SentRequest[] gets = tap.Sent.Where(s => s.Method == "GET").ToArray();
        Assert.Equal(gets[^1].Header("opc-request-id"), succeeded.GetTagItem("oci.request_id"));
        Assert.Equal(2, capture.Durations.Count);
        Assert.Equal(1, capture.Retries);

        // The observer (what the DI package logs) gets the same attempts: the create, the 503 and its retry.
        OciAttemptRecord[] records = observer.Attempts;
        Assert.Equal(["POST", "GET", "GET"], records.Select(r => r.Method));
        Assert.Equal([1, 1, 2], records.Select(r => r.Attempt));
        Assert.Equal([200, 503, 200], records.Select(r => r.StatusCode));
        Assert.Equal([null, "503 ServiceUnavailable", null], records.Select(r => r.RetryReason));
        Assert.All(records, r => Assert.Equal("identity", r.ServiceName));
        Assert.Equal("/20160918/users", records[1].Path);
        Assert.InRange(records[1].RetryDelay, TimeSpan.Zero, TimeSpan.FromSeconds(1)); // full jitter before retry 1
        Assert.Equal(TimeSpan.Zero, records[2].RetryDelay);
        Assert.Equal(gets[^1].Header("opc-request-id"), records[2].RequestId);

        string everything = capture.Text() + string.Join("\n", records.Select(r => $"{r.Method} {r.Host} {r.Path} {r.StatusCode} {r.RequestId} {r.ErrorType} {r.RetryReason}"));
        string[] secrets =
        [
            tenancy.TenancyId,                                              // the query value
            .. gets.Select(g => g.AuthorizationParameter("signature")),
            .. gets.Select(g => g.Header("authorization")!),
            .. SecretAssert.Base64Lines(File.ReadAllText(tenancy.KeyFile)),
        ];
        SecretAssert.NotIn([everything], secrets);
    }

    private static async Task<List<User>> ListAsync(IIdentityUsers users, string compartmentId)
    {
        var all = new List<User>();
        await foreach (User user in users.ListUsersAsync(compartmentId))
        {
            all.Add(user);
        }

        return all;
    }

    /// <summary>Keeps every attempt record it is given.</summary>
    private sealed class RecordingObserver : OciObserver
    {
        private readonly List<OciAttemptRecord> _attempts = [];

        public OciAttemptRecord[] Attempts
        {
            get
            {
                lock (_attempts)
                {
                    return [.. _attempts];
                }
            }
        }

        public override void OnAttempt(OciAttemptRecord attempt)
        {
            lock (_attempts)
            {
                _attempts.Add(attempt);
            }
        }
    }

    /// <summary>Collects OciRaw's activities and measurements for requests to one port (tests run in parallel).</summary>
    private sealed class TelemetryCapture : IDisposable
    {
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters = new();
        private readonly List<Activity> _stopped = [];
        private readonly List<string> _measurementText = [];
        private readonly int _port;
        private int _retries;

        public TelemetryCapture(int port)
        {
            _port = port;
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == OciTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("server.port") is int p && p == _port)
                    {
                        lock (_stopped)
                        {
                            _stopped.Add(activity);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == OciTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
        }

        public List<Activity> Activities
        {
            get
            {
                lock (_stopped)
                {
                    return [.. _stopped];
                }
            }
        }

        public List<double> Durations { get; } = [];

        public int Retries => _retries;

        public string Text()
        {
            var text = new StringBuilder();
            foreach (Activity activity in Activities)
            {
                text.AppendLine(activity.DisplayName);
                foreach (KeyValuePair<string, object?> tag in activity.TagObjects)
                {
                    text.Append(tag.Key).Append('=').Append(tag.Value).AppendLine();
                }

                foreach (ActivityEvent e in activity.Events)
                {
                    text.AppendLine(e.Name + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}")));
                }
            }

            lock (_measurementText)
            {
                _measurementText.ForEach(line => text.AppendLine(line));
            }

            return text.ToString();
        }

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string line = instrument.Name + " " + value + " " + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            // Other test classes run in parallel on handlers without a service name: only "identity" is this test's.
            bool ours = tags.ToArray().Any(t => t.Key == "oci.service" && (string?)t.Value == "identity");
            if (!ours)
            {
                return;
            }

            lock (_measurementText)
            {
                _measurementText.Add(line);
                if (instrument.Name == "oci.client.request.duration")
                {
                    Durations.Add(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (instrument.Name == "oci.client.retries")
                {
                    Interlocked.Increment(ref _retries);
                }
            }
        }
    }

    /// <summary>A transport that answers every request with one user and remembers where the request went.</summary>
    private sealed class AnswerHandler : HttpMessageHandler
    {
        public Uri? LastUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastUri = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent("""{"id":"ocid1.user.oc1..a","compartmentId":"c","name":"n","description":"d","lifecycleState":"ACTIVE","timeCreated":"2026-01-01T00:00:00Z"}""", Encoding.UTF8, "application/json"),
            });
        }
    }

    /// <summary>A signer with a throwaway key: the answering transport checks no signature.</summary>
    private sealed class StaticTestSigner : OciSigner
    {
        private static readonly OciCredentials Credentials = new("t/u/f", System.Security.Cryptography.RSA.Create(2048));

        public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(Credentials);
    }
}
