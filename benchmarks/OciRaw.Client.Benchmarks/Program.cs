using BenchmarkDotNet.Running;
using OciRaw.Benchmarks.Shared;
using OciRaw.Client.Benchmarks;

// dotnet run -c Release --project benchmarks/OciRaw.Client.Benchmarks -- --interleaved [--rounds 200] [--batch-ms 20] [--warmup-s 5]
// dotnet run -c Release --project benchmarks/OciRaw.Client.Benchmarks -- --allocations
// dotnet run -c Release --project benchmarks/OciRaw.Client.Benchmarks -- --retry-layers   (OciRetryHandler vs Polly, time and bytes)
// dotnet run -c Release --project benchmarks/OciRaw.Client.Benchmarks -- --filter '*'
if (args.Contains("--allocations"))
{
    using var fixture = new ClientFixture();
    AllocationBreakdown.Print(fixture);
    return 0;
}

if (args.Contains("--retry-layers"))
{
    using var fixture = new ClientFixture();
    using var layers = new RetryLayerFixture(fixture);
    InterleavedRunner.Run(
    [
        new("GetById", ("no retry layer", () => Wait(layers.NoRetryLayer.GetUserAsync(ClientFixture.UserId))),
            ("OciRetryHandler", () => Wait(layers.OciRetry.GetUserAsync(ClientFixture.UserId))),
            ("Polly ResilienceHandler", () => Wait(layers.Polly.GetUserAsync(ClientFixture.UserId)))),
        new("Post1KB", ("no retry layer", () => Wait(layers.NoRetryLayer.CreateUserAsync(fixture.Details))),
            ("OciRetryHandler", () => Wait(layers.OciRetry.CreateUserAsync(fixture.Details))),
            ("Polly ResilienceHandler", () => Wait(layers.Polly.CreateUserAsync(fixture.Details)))),
    ], rounds: InterleavedRunner.IntOption(args, "--rounds", 100), batchTime: TimeSpan.FromMilliseconds(InterleavedRunner.IntOption(args, "--batch-ms", 20)),
        warmUp: TimeSpan.FromSeconds(InterleavedRunner.IntOption(args, "--warmup-s", 3)));
    AllocationBreakdown.PrintRetryLayers(layers);
    return 0;
}

if (args.Contains("--interleaved"))
{
    using var fixture = new ClientFixture();
    InterleavedRunner.Run(
    [
        new("GetById", ("hand-written", () => Wait(fixture.HandWritten.GetUserAsync(ClientFixture.UserId))),
            ("generated", () => Wait(fixture.Generated.GetUserAsync(ClientFixture.UserId))),
            ("generated + pipeline", () => Wait(fixture.GeneratedPipeline.GetUserAsync(ClientFixture.UserId))),
            ("Refit", () => Wait(fixture.Refit.GetUserAsync(ClientFixture.UserId)))),
        new("Post1KB", ("hand-written", () => Wait(fixture.HandWritten.CreateUserAsync(fixture.Details))),
            ("generated", () => Wait(fixture.Generated.CreateUserAsync(fixture.Details))),
            ("generated + pipeline", () => Wait(fixture.GeneratedPipeline.CreateUserAsync(fixture.Details))),
            ("Refit", () => Wait(fixture.Refit.CreateUserAsync(fixture.Details)))),
        new("ListPage100", ("hand-written", () => Wait(fixture.HandWritten.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize))),
            ("generated", () => Wait(fixture.Generated.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize))),
            ("generated + pipeline", () => Wait(fixture.GeneratedPipeline.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize))),
            ("generated IAsyncEnumerable", () => Wait(ClientFixture.CountAsync(fixture.GeneratedPages.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize)))),
            ("Refit", () => Wait(fixture.Refit.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize)))),
        new("ReadPage100 (JSON)", ("System.Text.Json", () => fixture.StjReadPage()), ("generated", () => fixture.GeneratedReadPage())),
        new("WritePage100 (JSON)", ("System.Text.Json", fixture.StjWritePage), ("generated", fixture.GeneratedWritePage)),
    ], rounds: InterleavedRunner.IntOption(args, "--rounds", 200), batchTime: TimeSpan.FromMilliseconds(InterleavedRunner.IntOption(args, "--batch-ms", 20)),
        warmUp: TimeSpan.FromSeconds(InterleavedRunner.IntOption(args, "--warmup-s", 5)));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ClientBenchmarks).Assembly).Run(args);
return 0;

// The in-memory handler completes synchronously, so this never blocks.
static void Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
