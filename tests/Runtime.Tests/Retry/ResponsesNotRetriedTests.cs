using System.Net;

namespace OciRaw.Runtime.Tests.Retry;

/// <summary>
/// With responses not retried (what <c>ociraw raw-request</c> uses, as <c>oci raw-request</c> retries only failures that
/// raise), an answer that would have been retried is handed back at once, but it still counts against the endpoint's
/// circuit breaker: a failing service is a failing service, whoever retries.
/// </summary>
public sealed class ResponsesNotRetriedTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task A_retryable_answer_is_returned_once_and_counted_as_a_failure_by_the_breaker(HttpStatusCode status)
    {
        var breaker = new OciCircuitBreaker(failureThreshold: 2, breakDuration: TimeSpan.FromMinutes(1));
        var inner = new CountingHandler(status);
        using var client = new HttpClient(new OciRetryHandler(inner, new OciRetryOptions { RetryResponses = false, CircuitBreaker = breaker }, TimeProvider.System));
        var endpoint = new Uri("https://identity.us-phoenix-1.oci.oraclecloud.com/20160918/users");

        for (int call = 1; call <= 2; call++)
        {
            using HttpResponseMessage response = await client.GetAsync(endpoint);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(call, inner.Calls); // handed back, not retried
        }

        Assert.True(breaker.IsOpen(endpoint));
        await Assert.ThrowsAsync<OciCircuitOpenException>(() => client.GetAsync(endpoint));
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_success_keeps_the_circuit_closed()
    {
        var breaker = new OciCircuitBreaker(failureThreshold: 1, breakDuration: TimeSpan.FromMinutes(1));
        var inner = new CountingHandler(HttpStatusCode.OK);
        using var client = new HttpClient(new OciRetryHandler(inner, new OciRetryOptions { RetryResponses = false, CircuitBreaker = breaker }, TimeProvider.System));
        var endpoint = new Uri("https://identity.us-phoenix-1.oci.oraclecloud.com/20160918/users");

        for (int call = 1; call <= 3; call++)
        {
            using HttpResponseMessage response = await client.GetAsync(endpoint);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.False(breaker.IsOpen(endpoint));
        Assert.Equal(3, inner.Calls);
    }

    private sealed class CountingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("""{"code":"Busy","message":"try later"}""") });
        }
    }
}
