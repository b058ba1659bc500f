using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace OciRaw.Benchmarks;

/// <summary>
/// Signing one request through <see cref="OciSigningHandler"/> (in-memory terminal handler) against the bare RSA
/// operation over the same signing string, and against BouncyCastle (the OCI .NET SDK's path). Each category has its
/// own baseline. The handler rows include building and disposing the <see cref="HttpRequestMessage"/> (a caller
/// builds one per call); the baseline is the RSA operation alone, so that cost counts against the handler. The
/// NewRequest rows show how much of it is the request itself.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(MicrosecondsConfig))]
public class SigningBenchmarks
{
    private const string Get = "GET";
    private const string Post = "POST 1KB";

    private SigningFixture _fixture = null!;

    [GlobalSetup]
    public void Setup() => _fixture = new SigningFixture();

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory(Get)]
    public byte[] BareRsaGet() => _fixture.SignBare(_fixture.GetSigningString);

    [Benchmark, BenchmarkCategory(Get)]
    public HttpResponseMessage HandlerGet()
    {
        using HttpRequestMessage request = _fixture.CreateGet();
        return _fixture.Send(request);
    }

    /// <summary>Only building and disposing the request: the part of <see cref="HandlerGet"/> that is not signing.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public void NewRequestGet() => _fixture.CreateGet().Dispose();

    [Benchmark, BenchmarkCategory(Get)]
    public byte[] BouncyCastleGet() => _fixture.SignBouncyCastle(_fixture.GetSigningString);

    [Benchmark(Baseline = true), BenchmarkCategory(Post)]
    public byte[] BareRsaPost1KB() => _fixture.SignBare(_fixture.Post1KBSigningString);

    [Benchmark, BenchmarkCategory(Post)]
    public HttpResponseMessage HandlerPost1KB()
    {
        using HttpRequestMessage request = _fixture.CreatePost1KB();
        return _fixture.Send(request);
    }

    [Benchmark, BenchmarkCategory(Post)]
    public void NewRequestPost1KB() => _fixture.CreatePost1KB().Dispose();

    [Benchmark, BenchmarkCategory(Post)]
    public byte[] BouncyCastlePost1KB() => _fixture.SignBouncyCastle(_fixture.Post1KBSigningString);

    /// <summary>All rows in microseconds, so that the table reads at a glance (the NewRequest rows would pull it to ns).</summary>
    private sealed class MicrosecondsConfig : ManualConfig
    {
        public MicrosecondsConfig() => SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Microsecond);
    }
}
