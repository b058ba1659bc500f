using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace OciRaw.Client.Benchmarks;

/// <summary>
/// One call through each client to the same in-memory handler (no signing): the hand-written HttpClient + System.Text.Json
/// source-generated client is the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private ClientFixture _fixture = null!;

    [GlobalSetup]
    public void Setup() => _fixture = new ClientFixture();

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("GetById")]
    public Task<User> HandWrittenGetById() => _fixture.HandWritten.GetUserAsync(ClientFixture.UserId);

    [Benchmark, BenchmarkCategory("GetById")]
    public Task<User> GeneratedGetById() => _fixture.Generated.GetUserAsync(ClientFixture.UserId);

    [Benchmark, BenchmarkCategory("GetById")]
    public Task<User> GeneratedPipelineGetById() => _fixture.GeneratedPipeline.GetUserAsync(ClientFixture.UserId);

    [Benchmark, BenchmarkCategory("GetById")]
    public Task<User> RefitGetById() => _fixture.Refit.GetUserAsync(ClientFixture.UserId);

    [Benchmark(Baseline = true), BenchmarkCategory("Post1KB")]
    public Task<User> HandWrittenPost1KB() => _fixture.HandWritten.CreateUserAsync(_fixture.Details);

    [Benchmark, BenchmarkCategory("Post1KB")]
    public Task<User> GeneratedPost1KB() => _fixture.Generated.CreateUserAsync(_fixture.Details);

    [Benchmark, BenchmarkCategory("Post1KB")]
    public Task<User> GeneratedPipelinePost1KB() => _fixture.GeneratedPipeline.CreateUserAsync(_fixture.Details);

    [Benchmark, BenchmarkCategory("Post1KB")]
    public Task<User> RefitPost1KB() => _fixture.Refit.CreateUserAsync(_fixture.Details);

    [Benchmark(Baseline = true), BenchmarkCategory("ListPage100")]
    public Task<List<User>> HandWrittenListPage100() => _fixture.HandWritten.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize);

    [Benchmark, BenchmarkCategory("ListPage100")]
    public Task<List<User>> GeneratedListPage100() => _fixture.Generated.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize);

    [Benchmark, BenchmarkCategory("ListPage100")]
    public Task<int> GeneratedPagedListPage100() => ClientFixture.CountAsync(_fixture.GeneratedPages.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize));

    [Benchmark, BenchmarkCategory("ListPage100")]
    public Task<List<User>> GeneratedPipelineListPage100() => _fixture.GeneratedPipeline.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize);

    [Benchmark, BenchmarkCategory("ListPage100")]
    public Task<List<User>> RefitListPage100() => _fixture.Refit.ListUsersAsync(ClientFixture.CompartmentId, ClientFixture.PageSize);
}

/// <summary>The JSON code alone on a 100-user page: OciRaw's generated reader/writer against System.Text.Json source generation.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    private ClientFixture _fixture = null!;

    [GlobalSetup]
    public void Setup() => _fixture = new ClientFixture();

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("ReadPage100")]
    public List<User> StjReadPage100() => _fixture.StjReadPage();

    [Benchmark, BenchmarkCategory("ReadPage100")]
    public List<User> GeneratedReadPage100() => _fixture.GeneratedReadPage();

    [Benchmark(Baseline = true), BenchmarkCategory("WritePage100")]
    public void StjWritePage100() => _fixture.StjWritePage();

    [Benchmark, BenchmarkCategory("WritePage100")]
    public void GeneratedWritePage100() => _fixture.GeneratedWritePage();
}
