using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OciRaw.Client.Benchmarks;

/// <summary>
/// The question of docs/pipeline.md "Why not Polly": what a retry layer costs per call when nothing fails. The same
/// generated client over the same in-memory handler, three ways: no retry layer; OciRaw's <see cref="OciRetryHandler"/>
/// (OCI's policy, per-attempt timeout); and Microsoft.Extensions.Http.Resilience's <see cref="ResilienceHandler"/> with
/// a Polly pipeline of the same shape (retry on transient HTTP failures, then a per-attempt timeout), as
/// <c>AddResilienceHandler</c> builds it. Every client has an infinite <see cref="HttpClient.Timeout"/>, so that only the
/// retry layer differs.
/// </summary>
internal sealed class RetryLayerFixture : IDisposable
{
    private readonly HttpClient[] _httpClients;

    public RetryLayerFixture(ClientFixture clients)
    {
        ResiliencePipeline<HttpResponseMessage> polly = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 7 })
            .AddTimeout(TimeSpan.FromSeconds(60))
            .Build();
        _httpClients =
        [
            clients.NewHttpClient(),
            Over(new OciRetryHandler(clients.Handler, new OciRetryOptions { Enabled = true }, null)),
            Over(new ResilienceHandler(polly) { InnerHandler = clients.Handler }),
        ];
        foreach (HttpClient client in _httpClients)
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
        }

        NoRetryLayer = IOciRawUsers.Create(_httpClients[0]);
        OciRetry = IOciRawUsers.Create(_httpClients[1]);
        Polly = IOciRawUsers.Create(_httpClients[2]);
    }

    public IOciRawUsers NoRetryLayer { get; }

    public IOciRawUsers OciRetry { get; }

    public IOciRawUsers Polly { get; }

    public void Dispose()
    {
        foreach (HttpClient client in _httpClients)
        {
            client.Dispose();
        }
    }

    // disposeHandler: false because disposing a DelegatingHandler disposes its inner handler, the in-memory handler
    // that the ClientFixture owns and disposes.
    private static HttpClient Over(DelegatingHandler retryLayer) =>
        new(retryLayer, disposeHandler: false) { BaseAddress = ClientFixture.Endpoint };
}
