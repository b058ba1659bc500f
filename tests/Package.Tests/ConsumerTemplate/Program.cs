using System.Net;
using System.Security.Cryptography;
using System.Text;
using OciRaw;

namespace Consumer;

/// <summary>Calls the generated client through OciSigningHandler against an in-memory OCI stand-in and prints what happened.</summary>
internal static class Program
{
    private static async Task Main()
    {
        using var rsa = RSA.Create(2048);
#pragma warning disable CA5351 // An OCI key fingerprint is the MD5 of the public key, by definition.
        string hex = Convert.ToHexStringLower(MD5.HashData(rsa.ExportSubjectPublicKeyInfo()));
#pragma warning restore CA5351
        string fingerprint = string.Join(':', hex.Chunk(2).Select(pair => new string(pair)));
        OciSigner signer = ApiKeySigner.FromPem("ocid1.tenancy.oc1..consumer", "ocid1.user.oc1..consumer", fingerprint, rsa.ExportPkcs8PrivateKeyPem());

        using var http = new HttpClient(new OciSigningHandler(signer) { InnerHandler = new InMemoryPets() })
        {
            BaseAddress = new Uri("https://pets.us-ashburn-1.oci.oraclecloud.com"),
        };
        IPets pets = IPets.Create(http);

        Pet created = await pets.CreatePetAsync(new CreatePetDetails { Name = "Rex", Age = 3 });
        Console.WriteLine($"created {created.Id} {created.Name} {created.Age}");
        OciResponse<Pet> fetched = await pets.GetPetAsync(created.Id!, view: "full");
        Console.WriteLine($"got {fetched.Data.Id} {fetched.Data.Name}, opc-request-id {fetched.OpcRequestId}");
    }

    /// <summary>Answers as OCI would, once it has seen that the request is signed; prints each request line and body.</summary>
    private sealed class InMemoryPets : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"{request.Method} {request.RequestUri!.PathAndQuery} {body}");
            if (request.Headers.Authorization is not { Scheme: "Signature" } authorization
                || !authorization.Parameter!.Contains("keyId=\"ocid1.tenancy.oc1..consumer/ocid1.user.oc1..consumer/", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
            }

            string json = request.Method == HttpMethod.Post
                ? "{\"id\":\"ocid1.pet.oc1..p1\"," + body[1..]
                : "{\"id\":\"" + request.RequestUri.Segments[^1] + "\",\"name\":\"Rex\",\"age\":3}";
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            response.Headers.Add("opc-request-id", "req-" + request.Method.Method);
            return response;
        }
    }
}
