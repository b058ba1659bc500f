using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace OciRaw.Testing.Imds.Tests;

/// <summary>RSA-2048 session keys generated once per test run (generation is slow on small machines); a new instance per call.</summary>
internal static class SessionKeys
{
    private static readonly Lazy<byte[]>[] Keys = [.. Enumerable.Range(0, 4).Select(_ => new Lazy<byte[]>(() =>
    {
        using RSA key = RSA.Create(2048);
        return key.ExportRSAPrivateKey();
    }))];

    public static RSA Get(int index = 0)
    {
        var key = RSA.Create();
        key.ImportRSAPrivateKey(Keys[index].Value, out _);
        return key;
    }
}

/// <summary>Signs with one fixed keyId and key (a leaf key for federation, a session key for <c>ST$</c>).</summary>
internal sealed class KeySigner(string keyId, RSA key, TimeProvider? clock = null) : OciSigner(clock)
{
    private readonly OciCredentials _credentials = new(keyId, key);

    public override ValueTask<OciCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);
}

/// <summary>What an instance-principal client reads from IMDS, fetched with plain HttpClient calls.</summary>
internal sealed class InstanceIdentity : IDisposable
{
    private InstanceIdentity(X509Certificate2 leaf, RSA leafKey, X509Certificate2 intermediate, string leafKeyPem)
    {
        Leaf = leaf;
        LeafKey = leafKey;
        Intermediate = intermediate;
        LeafKeyPem = leafKeyPem;
    }

    public X509Certificate2 Leaf { get; }

    public RSA LeafKey { get; }

    public string LeafKeyPem { get; }

    public X509Certificate2 Intermediate { get; }

    public string Tenancy => Imds.TenancyOf(Leaf);

#pragma warning disable CA5350 // The fed-x509 keyId names the leaf by its SHA-1 fingerprint.
    public string Sha1Fingerprint => Colon(SHA1.HashData(Leaf.RawData));
#pragma warning restore CA5350

    public string Sha256Fingerprint => Colon(SHA256.HashData(Leaf.RawData));

    public string KeyId => $"{Tenancy}/fed-x509/{Sha1Fingerprint}";

    public static async Task<InstanceIdentity> FetchAsync(OciEmulator emulator)
    {
        string cert = await Imds.GetStringAsync(emulator, "/identity/cert.pem");
        string key = await Imds.GetStringAsync(emulator, "/identity/key.pem");
        string intermediate = await Imds.GetStringAsync(emulator, "/identity/intermediate.pem");
        var rsa = RSA.Create();
        rsa.ImportFromPem(key);
        return new InstanceIdentity(X509Certificate2.CreateFromPem(cert), rsa, X509Certificate2.CreateFromPem(intermediate), key);
    }

    public void Dispose()
    {
        Leaf.Dispose();
        LeafKey.Dispose();
        Intermediate.Dispose();
    }

    private static string Colon(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}

internal static class Imds
{
    public static HttpRequestMessage Get(OciEmulator emulator, string path, string? authorization = "Bearer Oracle")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, emulator.InstancePrincipals.MetadataBaseAddress + path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient();
        using (request)
        {
            return await http.SendAsync(request);
        }
    }

    public static async Task<string> GetStringAsync(OciEmulator emulator, string path)
    {
        using HttpResponseMessage response = await SendAsync(Get(emulator, path));
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The tenancy the way the spec says a client finds it: the RDN value after <c>opc-tenant:</c>.</summary>
    public static string TenancyOf(X509Certificate2 leaf)
    {
        foreach (X500RelativeDistinguishedName rdn in leaf.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementValue() is { } value && value.StartsWith("opc-tenant:", StringComparison.Ordinal))
            {
                return value["opc-tenant:".Length..];
            }
        }

        throw new InvalidOperationException("no opc-tenant in the leaf subject");
    }
}

/// <summary>A hand-written federation client: builds the <c>POST /v1/x509</c> body and signs it with the leaf key.</summary>
internal static class Federation
{
    public static readonly OciSigningStrategy WithoutHost =
        OciSigningStrategy.WithHeaders("date", "(request-target)", "content-length", "content-type", "x-content-sha256");

    public static byte[] Body(
        InstanceIdentity identity, RSA? sessionKey, string? purpose = null, string? fingerprintAlgorithm = null, X509Certificate2? leaf = null,
        bool includeIntermediates = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("certificate", Convert.ToBase64String((leaf ?? identity.Leaf).RawData));
            if (sessionKey is not null)
            {
                writer.WriteString("publicKey", Convert.ToBase64String(sessionKey.ExportSubjectPublicKeyInfo()));
            }

            writer.WriteStartArray("intermediateCertificates");
            if (includeIntermediates)
            {
                writer.WriteStringValue(Convert.ToBase64String(identity.Intermediate.RawData));
            }

            writer.WriteEndArray();
            if (purpose is not null)
            {
                writer.WriteString("purpose", purpose);
            }

            if (fingerprintAlgorithm is not null)
            {
                writer.WriteString("fingerprintAlgorithm", fingerprintAlgorithm);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static async Task<HttpResponseMessage> PostAsync(
        OciEmulator emulator, string keyId, RSA signingKey, byte[] body, bool signHost = true, TimeProvider? clock = null)
    {
        var signer = new KeySigner(keyId, signingKey, clock);
        using var http = new HttpClient(new OciSigningHandler(signer, new SocketsHttpHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.InstancePrincipals.FederationEndpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (!signHost)
        {
            request.SetOciSigningStrategy(WithoutHost);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Federates the way the .NET SDK does and returns the token and its session key.</summary>
    public static async Task<(string Token, RSA SessionKey)> GetTokenAsync(OciEmulator emulator, TimeProvider? clock = null, int sessionKeyIndex = 0)
    {
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);
        RSA sessionKey = SessionKeys.Get(sessionKeyIndex);
        using HttpResponseMessage response = await PostAsync(emulator, identity.KeyId, identity.LeafKey, Body(identity, sessionKey, purpose: "DEFAULT"), clock: clock);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text} {string.Join(" | ", emulator.AuthenticationFailures)}");
        using JsonDocument json = JsonDocument.Parse(text);
        return (json.RootElement.GetProperty("token").GetString()!, sessionKey);
    }

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response)
    {
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("code").GetString()!;
    }
}

/// <summary>Reads a JWT's header and claims without validating it.</summary>
internal static class Jwt
{
    public static JsonDocument Part(string token, int index)
    {
        string part = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
    }

    public static byte[] Base64Url(string text)
    {
        string part = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '='));
    }
}

/// <summary>Sends token-signed requests to the emulator's Identity users API.</summary>
internal static class TokenClient
{
    public static HttpClient Create(string token, RSA sessionKey, TimeProvider? clock = null) =>
        new(new OciSigningHandler(new KeySigner("ST$" + token, sessionKey, clock), new SocketsHttpHandler()));

    public static async Task<HttpResponseMessage> CreateUserAsync(HttpClient http, OciEmulator emulator, string compartmentId, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "20160918/users"))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(
                $$"""{"compartmentId":"{{compartmentId}}","name":"{{name}}","description":"created by an instance principal"}"""))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        return await http.SendAsync(request);
    }
}
