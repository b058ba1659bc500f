using System.Net;
using System.Net.Sockets;
using OciRaw.Testing;

namespace OciRaw.Testing.Tests;

/// <summary>What the emulator leaves on disk when it cannot start or has stopped: nothing.</summary>
public sealed class EmulatorLifetimeTests
{
    [Fact]
    public async Task An_emulator_that_cannot_bind_its_port_fails_and_leaves_no_folder()
    {
        using var root = new TempDirectory();
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        int port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        Exception failure = await Record.ExceptionAsync(() =>
            OciEmulator.StartAsync(new OciEmulatorOptions { Port = port, TemporaryRoot = root.Root }));

        Assert.NotNull(failure);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Root));
    }

    [Fact]
    public async Task A_disposed_emulator_leaves_no_folder()
    {
        using var root = new TempDirectory();
        OciEmulator emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TemporaryRoot = root.Root });
        Assert.Single(Directory.EnumerateDirectories(root.Root));

        await emulator.DisposeAsync();

        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Root));
    }
}
