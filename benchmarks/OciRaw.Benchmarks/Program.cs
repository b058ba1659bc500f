using BenchmarkDotNet.Running;
using OciRaw.Benchmarks;
using OciRaw.Benchmarks.Shared;

// dotnet run -c Release --project benchmarks/OciRaw.Benchmarks -- --interleaved [--rounds 200] [--batch-ms 20] [--warmup-s 2]
// dotnet run -c Release --project benchmarks/OciRaw.Benchmarks -- --threads [--rounds 10] [--phase-ms 1000]
// dotnet run -c Release --project benchmarks/OciRaw.Benchmarks -- --filter '*'
if (args.Contains("--interleaved"))
{
    using var fixture = new SigningFixture();
    InterleavedRunner.Run(
    [
        new("GET", ("bare RSA.SignData", () => fixture.SignBare(fixture.GetSigningString)), ("OciSigningHandler", () => Send(fixture, fixture.CreateGet())),
            ("full pipeline", () => SendThroughPipeline(fixture, fixture.CreateGet()))),
        new("POST 1KB", ("bare RSA.SignData", () => fixture.SignBare(fixture.Post1KBSigningString)), ("OciSigningHandler", () => Send(fixture, fixture.CreatePost1KB())),
            ("full pipeline", () => SendThroughPipeline(fixture, fixture.CreatePost1KB()))),
    ], rounds: InterleavedRunner.IntOption(args, "--rounds", 200), batchTime: TimeSpan.FromMilliseconds(InterleavedRunner.IntOption(args, "--batch-ms", 20)),
        warmUp: TimeSpan.FromSeconds(InterleavedRunner.IntOption(args, "--warmup-s", 2)));
    return 0;
}

if (args.Contains("--threads"))
{
    using var fixture = new SigningFixture();
    SigningThroughput.Run(fixture, InterleavedRunner.IntOption(args, "--rounds", 10), TimeSpan.FromMilliseconds(InterleavedRunner.IntOption(args, "--phase-ms", 1000)));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(SigningBenchmarks).Assembly).Run(args);
return 0;

static void SendThroughPipeline(SigningFixture fixture, HttpRequestMessage request)
{
    // The terminal handler's one response is shared, so it is not disposed (as in Send below).
    using (request)
    {
        fixture.SendThroughPipeline(request);
    }
}

static void Send(SigningFixture fixture, HttpRequestMessage request)
{
    using (request)
    {
        fixture.Send(request);
    }
}
