using System.Net;
using System.Net.Sockets;
using OciRaw.Cli;

namespace OciRaw.Tests;

/// <summary><c>ociraw emulator</c>: started, called signed with the config file it wrote, stopped, cleaned up.</summary>
public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task The_emulator_process_serves_signed_calls_and_removes_its_files_on_sigterm()
    {
        using EmulatorProcess emulator = await EmulatorProcess.StartAsync("--port", "0");
        EmulatorBanner banner = emulator.Banner;
        Assert.Equal("127.0.0.1", banner.Endpoint.Host);
        Assert.True(File.Exists(banner.ConfigFile) && File.Exists(banner.KeyFile), banner.ConfigFile);
        Assert.StartsWith("temporary", banner.State, StringComparison.Ordinal);

        Assert.Equal(banner.Namespace, await GetNamespaceAsync(banner));
        using (var unsigned = new HttpClient())
        {
            HttpResponseMessage refused = await unsigned.GetAsync(new Uri(banner.Endpoint, "/n/"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(0, await emulator.TerminateAsync());
        Assert.False(File.Exists(banner.KeyFile), "the API key outlived the emulator");
        string filesRoot = Path.GetDirectoryName(Path.GetDirectoryName(banner.ConfigFile)!)!;
        Assert.False(Directory.Exists(filesRoot), $"{filesRoot} outlived the emulator");
        Assert.Contains("temporary files are deleted", emulator.Stderr, StringComparison.Ordinal);
        Assert.Contains("NotAuthenticated", emulator.Stderr, StringComparison.Ordinal); // the rejection was explained on stderr
    }

    [Fact]
    public async Task A_state_dir_keeps_the_tenancy_and_its_config_across_restarts()
    {
        using var state = new TempDirectory();
        EmulatorBanner first;
        await using (var run = await InProcessEmulator.StartAsync("--state-dir", state.Root))
        {
            first = run.Banner;
            Assert.Equal(state.Root, first.State);
            Assert.StartsWith(state.Root, first.ConfigFile, StringComparison.Ordinal);
            Assert.Equal(first.Namespace, await GetNamespaceAsync(first));
        }

        Assert.True(File.Exists(first.ConfigFile) && File.Exists(first.KeyFile), "the state dir lost its tenancy at exit");
        await using (var run = await InProcessEmulator.StartAsync("--state-dir", state.Root))
        {
            EmulatorBanner second = run.Banner;
            Assert.Equal((first.TenancyId, first.UserId, first.Namespace, first.ConfigFile), (second.TenancyId, second.UserId, second.Namespace, second.ConfigFile));
            Assert.Equal(first.Namespace, await GetNamespaceAsync(second));
        }
    }

    [Fact]
    public async Task The_port_option_is_the_port_listened_on()
    {
        int port = FreePort();
        await using var run = await InProcessEmulator.StartAsync("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), run.Banner.Endpoint);
        Assert.Equal(run.Banner.Namespace, await GetNamespaceAsync(run.Banner));
    }

    [Fact]
    public async Task A_port_in_use_or_out_of_range_is_a_usage_error_naming_it()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        int port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        CliResult inUse = await CliRunner.RunAsync("emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, inUse.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", inUse.Stderr, StringComparison.Ordinal);
        Assert.Empty(inUse.Stdout);

        CliResult outOfRange = await CliRunner.RunAsync("emulator", "--port", "70000");
        Assert.Equal(2, outOfRange.ExitCode);
        Assert.Contains("--port 70000 is not a port number", outOfRange.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raw_request_option_given_to_the_emulator_is_refused_not_ignored()
    {
        CliResult result = await CliRunner.RunAsync("emulator", "--profile", "DEV");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--profile applies to raw-request; the emulator takes only --port and --state-dir.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_state_dir_is_named_in_the_error()
    {
        using var state = new TempDirectory();
        state.Write("tenancy/config", "[DEFAULT]\nuser=ocid1.user.oc1..x\n");
        state.Write("tenancy/oci_api_key.pem", "not a key");

        CliResult result = await CliRunner.RunAsync("emulator", "--state-dir", state.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{state.PathOf("tenancy/config")}' has no 'tenancy'", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>GetNamespace, signed with the config file the emulator wrote (the Object Storage call every client makes first).</summary>
    private static async Task<string> GetNamespaceAsync(EmulatorBanner banner)
    {
        using OciSigner signer = OciSigner.FromConfig(OciConfig.FromFile(banner.ConfigFile, "DEFAULT"));
        using var http = new HttpClient(new OciSigningHandler(signer));
        string json = await http.GetStringAsync(new Uri(banner.Endpoint, "/n/"));
        return System.Text.Json.JsonSerializer.Deserialize<string>(json)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>ociraw emulator</c> run by <see cref="CliApplication"/> in this process; disposing it is the Ctrl+C.</summary>
    private sealed class InProcessEmulator : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly LineWaitingWriter _stdout = new();
        private readonly LineWaitingWriter _stderr = new();
        private Task<int> _running = null!;

        public EmulatorBanner Banner { get; private set; } = null!;

        public static async Task<InProcessEmulator> StartAsync(params string[] args)
        {
            var emulator = new InProcessEmulator();
            emulator._running = Task.Run(() => CliApplication.RunAsync(["emulator", .. args], emulator._stdout, emulator._stderr, emulator._stop.Token));
            await emulator._stdout.WaitForAsync(EmulatorBanner.ReadyLine, emulator._running, emulator._stderr);
            emulator.Banner = EmulatorBanner.Parse(emulator._stdout.ToString());
            return emulator;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            Assert.Equal(0, await _running.WaitAsync(TimeSpan.FromSeconds(60)));
            _stop.Dispose();
        }
    }
}
