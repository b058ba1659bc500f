namespace OciRaw.Benchmarks;

/// <summary>
/// The end of the pipeline: answers every request with the same cached 200 response, synchronously (an already
/// completed task), so a benchmark of the pipeline measures signing and nothing of the network.
/// </summary>
internal sealed class TerminalHandler : HttpMessageHandler
{
    private readonly HttpResponseMessage _response = new(System.Net.HttpStatusCode.OK);
    private readonly Task<HttpResponseMessage> _completed;

    public TerminalHandler() => _completed = Task.FromResult(_response);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _completed;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => _response;
}
