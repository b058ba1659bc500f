using Microsoft.Extensions.Logging;
using OciRaw.Testing;

namespace OciRaw.Cli;

/// <summary>
/// <c>ociraw emulator</c>: OciRaw.Testing's emulator as a standalone loopback server for clients OciRaw did not write
/// (the OCI SDKs, the OCI CLI with <c>--endpoint</c>), with a config file and API key for them.
/// </summary>
internal static class EmulatorCommand
{
    public static async Task<int> RunAsync(int port, string? stateDirectory, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (port is < 0 or > System.Net.IPEndPoint.MaxPort)
        {
            throw new CliUsageException($"--port {port} is not a port number (0 for a free one, else 1 to {System.Net.IPEndPoint.MaxPort}).");
        }

        string? state = stateDirectory is null ? null : Path.GetFullPath(stateDirectory);
        using var shutdown = new ShutdownSignal(cancellationToken);
        using var loggerFactory = new LoggerFactory([new StderrLoggerProvider(stderr)]);
        OciEmulator emulator;
        try
        {
            emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { Port = port, StateDirectory = state, LoggerFactory = loggerFactory }, shutdown.Token).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // Kestrel's "address already in use" and the like: the user's port choice, not a crash.
            throw new CliUsageException($"the emulator cannot listen on 127.0.0.1:{port}: {e.Message}");
        }

        await using (emulator.ConfigureAwait(false))
        {
            TestTenancy tenancy = state is null ? emulator.CreateTenancy() : emulator.OpenTenancy(Path.Combine(state, "tenancy"));
            await stdout.WriteAsync(Banner(emulator, tenancy, state)).ConfigureAwait(false);
            await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C, SIGTERM or the caller's token: the normal way to stop.
            }
        }

        await stderr.WriteLineAsync(state is null
            ? "Emulator stopped; its temporary files are deleted."
            : $"Emulator stopped; its files stay in {state}.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>What a user needs to point a client at the emulator; one "name: value" per line, so scripts can read it too.</summary>
    private static string Banner(OciEmulator emulator, TestTenancy tenancy, string? state)
    {
        string endpoint = emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        string ns = emulator.ObjectStorageNamespace(tenancy.TenancyId);
        string nl = Environment.NewLine;
        return $"OciRaw emulator: OCI Identity users and Object Storage, signatures verified as OCI verifies them.{nl}" +
            $"endpoint:    {endpoint}{nl}" +
            $"config file: {tenancy.ConfigFile}{nl}" +
            $"profile:     {tenancy.Profile}{nl}" +
            $"key file:    {tenancy.KeyFile}{nl}" +
            $"tenancy:     {tenancy.TenancyId}{nl}" +
            $"user:        {tenancy.UserId}{nl}" +
            $"namespace:   {ns}{nl}" +
            $"region:      {tenancy.Region}{nl}" +
            $"state:       {state ?? "temporary (deleted at exit)"}{nl}" +
            $"{nl}Try:{nl}" +
            $"  oci --config-file {tenancy.ConfigFile} --endpoint {endpoint} os ns get{nl}" +
            $"  ociraw raw-request --config-file {tenancy.ConfigFile} --http-method GET --target-uri '{endpoint}/20160918/users?compartmentId={tenancy.TenancyId}'{nl}" +
            $"Ready. Ctrl+C stops the emulator.{nl}";
    }
}
