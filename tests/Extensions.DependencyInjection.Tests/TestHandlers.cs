using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace OciRaw.Extensions.DependencyInjection.Tests;

/// <summary>A transport that answers every request with a small user JSON and remembers the last URI.</summary>
internal sealed class AnswerHandler : HttpMessageHandler
{
    public Uri? LastUri { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastUri = request.RequestUri;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"id":"ocid1.user.oc1..a","name":"n","description":"d","compartmentId":"c","lifecycleState":"ACTIVE"}""", Encoding.UTF8, "application/json"),
        });
    }
}

/// <summary>A signer with a throwaway key that counts what it signs and whether it was disposed.</summary>
internal sealed class StaticSigner : OciSigner
{
    private readonly OciCredentials _credentials = new("ocid1.tenancy.oc1..t/ocid1.user.oc1..u/aa:bb", RSA.Create(2048));
    private int _signed;

    public int Signed => _signed;

    public bool Disposed { get; private set; }

    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _signed);
        return ValueTask.FromResult(_credentials);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
