using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace OciRaw.Benchmarks;

/// <summary>
/// Everything both benchmark modes share: the signer and the handler pipeline, fresh-request factories, the exact
/// signing strings the handler signs, and the same key loaded into a bare <see cref="RSA"/> and into BouncyCastle.
/// </summary>
internal sealed class SigningFixture : IDisposable
{
    public const string Fingerprint = "a1:48:44:36:f7:bd:31:20:06:6a:4b:fb:2d:0c:72:c1";
    private const string Tenancy = "ocid1.tenancy.oc1..aaaaaaaaba3pv6wkcr4jqae5f15p2b2m2yt2j6rx32uzr4h25vqstifsfdsq";
    private const string User = "ocid1.user.oc1..aaaaaaaat5nvwcna5j6aqzjcaty5eqbb6qt2jvpkanghtgdaqedqw3rynjq";

    private static readonly Uri GetUri = new(
        "https://iaas.us-phoenix-1.oraclecloud.com/20160918/instances?availabilityDomain=Pjwf%3A%20PHX-AD-1" +
        "&compartmentId=ocid1.compartment.oc1..aaaaaaaam3we6vgnherjq5q2idnccdflvjsnog7mlr6rtdb25gilchfeyjxa&displayName=TeamXInstances");

    private static readonly Uri PostUri = new("https://iaas.us-phoenix-1.oraclecloud.com/20160918/volumeAttachments");

    public SigningFixture()
    {
        string pem = ReadKeyPem();
        Signer = ApiKeySigner.FromPem(Tenancy, User, Fingerprint, pem);
        Invoker = new HttpMessageInvoker(new OciSigningHandler(Signer, new TerminalHandler()));
        // What a generated Create(signer, region) builds, over the terminal handler: retry → signing, User-Agent.
        Pipeline = OciRaw.Infrastructure.OciServicePipeline.CreateHttpClient(Signer, new Uri("https://iaas.us-phoenix-1.oraclecloud.com"),
            new OciClientOptions { InnerHandler = new TerminalHandler() });
        Post1KBBody = MakeJsonBody(1024);

        BareRsa = RSA.Create();
        BareRsa.ImportFromPem(pem);
        using (var reader = new StringReader(pem))
        {
            // PKCS#1 "RSA PRIVATE KEY" gives a key pair whose private half carries the CRT parameters.
            BouncyCastleKey = (RsaPrivateCrtKeyParameters)((AsymmetricCipherKeyPair)new PemReader(reader).ReadObject()).Private;
        }

        // What the handler signs, taken from the library itself. Only the date differs from run to run, and an RFC 1123
        // date always has the same length, so the bytes signed in the baseline are as long as in the handler rows.
        GetSigningString = Encoding.UTF8.GetBytes(SigningStringOf(CreateGet()));
        Post1KBSigningString = Encoding.UTF8.GetBytes(SigningStringOf(CreatePost1KB()));
        Check();
    }

    public ApiKeySigner Signer { get; }

    public HttpMessageInvoker Invoker { get; }

    /// <summary>The full default pipeline with signing on: <c>OciRetryHandler</c>, <c>OciSigningHandler</c>, the User-Agent.</summary>
    public HttpClient Pipeline { get; }

    public RSA BareRsa { get; }

    public RsaPrivateCrtKeyParameters BouncyCastleKey { get; }

    /// <summary>UTF-8 signing string of <see cref="CreateGet"/>: 3 lines, date (request-target) host.</summary>
    public byte[] GetSigningString { get; }

    /// <summary>UTF-8 signing string of <see cref="CreatePost1KB"/>: 6 lines including the three body headers.</summary>
    public byte[] Post1KBSigningString { get; }

    /// <summary>The 1024-byte JSON body of the POST.</summary>
    public string Post1KBBody { get; }

    /// <summary>A new GET, as a caller would build one per call.</summary>
    public HttpRequestMessage CreateGet() => new(HttpMethod.Get, GetUri);

    /// <summary>A new POST with a 1 KiB JSON body (<see cref="StringContent"/>, as a caller would build one per call).</summary>
    public HttpRequestMessage CreatePost1KB() =>
        new(HttpMethod.Post, PostUri) { Content = new StringContent(Post1KBBody, Encoding.UTF8, "application/json") };

    /// <summary>Sends through OciSigningHandler to the terminal handler; the task is already complete.</summary>
    public HttpResponseMessage Send(HttpRequestMessage request) =>
        Invoker.SendAsync(request, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Sends through <see cref="Pipeline"/> (the terminal handler completes synchronously, so this never blocks).</summary>
    public HttpResponseMessage SendThroughPipeline(HttpRequestMessage request) =>
        Pipeline.SendAsync(request, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The baseline: a bare RSA-SHA256 PKCS#1 v1.5 signature of the same bytes.</summary>
    public byte[] SignBare(byte[] signingString) =>
        BareRsa.SignData(signingString, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The OCI .NET SDK's path: a new BouncyCastle signer per request over a CRT key.</summary>
    public byte[] SignBouncyCastle(byte[] signingString)
    {
        ISigner signer = SignerUtilities.GetSigner("SHA-256withRSA");
        signer.Init(true, BouncyCastleKey);
        signer.BlockUpdate(signingString, 0, signingString.Length);
        return signer.GenerateSignature();
    }

    public void Dispose()
    {
        Invoker.Dispose();
        Pipeline.Dispose();
        BareRsa.Dispose();
    }

    private string SigningStringOf(HttpRequestMessage request)
    {
        using (request)
        {
            return Signer.SignAsync(request).GetAwaiter().GetResult().SigningString;
        }
    }

    /// <summary>Fails fast if the rows would not compute the same thing.</summary>
    private void Check()
    {
        if (!SignBare(Post1KBSigningString).AsSpan().SequenceEqual(SignBouncyCastle(Post1KBSigningString)))
        {
            throw new InvalidOperationException("BouncyCastle and System.Security.Cryptography disagree on the signature.");
        }

        foreach (HttpRequestMessage request in new[] { CreateGet(), CreatePost1KB() })
        {
            using (request)
            {
                Send(request);
                if (request.Headers.Authorization is not { Scheme: "Signature" })
                {
                    throw new InvalidOperationException("The handler did not sign the request.");
                }
            }
        }

        if (!Encoding.UTF8.GetString(Post1KBSigningString).Contains("content-length: 1024", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The POST signing string does not cover a 1024-byte body:\n" + Encoding.UTF8.GetString(Post1KBSigningString));
        }
    }

    private static string ReadKeyPem()
    {
        using Stream stream = typeof(SigningFixture).Assembly.GetManifestResourceStream("test_rsa2048.pem")
            ?? throw new InvalidOperationException("The embedded test key is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A JSON object of exactly <paramref name="bytes"/> ASCII bytes.</summary>
    private static string MakeJsonBody(int bytes)
    {
        const string Prefix = "{\"compartmentId\":\"ocid1.compartment.oc1..aaaa\",\"data\":\"";
        const string Suffix = "\"}";
        return Prefix + new string('x', bytes - Prefix.Length - Suffix.Length) + Suffix;
    }
}
