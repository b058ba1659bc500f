using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace OciRaw.Testing.Imds.Tests;

public sealed class FederationTests
{
    public enum Variant
    {
        DotNetSdk, // fed-x509, lowercase SHA-1, host signed, purpose DEFAULT
        PythonSdk, // fed-x509, uppercase SHA-1, no host, no purpose
        GoSdk, // fed-x509-sha256, no host, fingerprintAlgorithm SHA256
        Sha256WithHost,
    }

    [Theory]
    [InlineData(Variant.DotNetSdk)]
    [InlineData(Variant.PythonSdk)]
    [InlineData(Variant.GoSdk)]
    [InlineData(Variant.Sha256WithHost)]
    public async Task A_request_signed_with_the_leaf_key_gets_a_token_bound_to_the_session_key(Variant variant)
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        EmulatedInstancePrincipals instance = emulator.InstancePrincipals;
        Assert.Equal(new Uri(emulator.BaseAddress, "v1/x509"), instance.FederationEndpoint);
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);
        using RSA sessionKey = SessionKeys.Get();
        (string keyId, byte[] body, bool host) = variant switch
        {
            Variant.DotNetSdk => (identity.KeyId, Federation.Body(identity, sessionKey, purpose: "DEFAULT"), true),
            Variant.PythonSdk => ($"{identity.Tenancy}/fed-x509/{identity.Sha1Fingerprint.ToUpperInvariant()}", Federation.Body(identity, sessionKey), false),
            Variant.GoSdk => ($"{identity.Tenancy}/fed-x509-sha256/{identity.Sha256Fingerprint}", Federation.Body(identity, sessionKey, fingerprintAlgorithm: "SHA256"), false),
            _ => ($"{identity.Tenancy}/fed-x509-sha256/{identity.Sha256Fingerprint.ToUpperInvariant()}", Federation.Body(identity, sessionKey), true),
        };

        using HttpResponseMessage response = await Federation.PostAsync(emulator, keyId, identity.LeafKey, body, signHost: host);

        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text} {string.Join(" | ", emulator.AuthenticationFailures)}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(text);
        string token = json.RootElement.GetProperty("token").GetString()!;
        using (JsonDocument header = Jwt.Part(token, 0))
        {
            Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
            Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());
            Assert.False(string.IsNullOrEmpty(header.RootElement.GetProperty("kid").GetString()));
        }

        using JsonDocument claims = Jwt.Part(token, 1);
        JsonElement root = claims.RootElement;
        Assert.Equal(instance.InstanceId, root.GetProperty("sub").GetString());
        Assert.Equal(instance.TenancyId, root.GetProperty("tenant").GetString());
        Assert.Equal(instance.TenancyId, root.GetProperty("res_tenant").GetString());
        Assert.Equal(instance.TenancyId, root.GetProperty("opc-tenant").GetString());
        Assert.Equal(20 * 60, root.GetProperty("exp").GetInt64() - root.GetProperty("iat").GetInt64());
        Assert.InRange(root.GetProperty("iat").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        using JsonDocument jwk = JsonDocument.Parse(root.GetProperty("jwk").GetString()!);
        Assert.Equal("RSA", jwk.RootElement.GetProperty("kty").GetString());
        Assert.Equal(sessionKey.ExportParameters(false).Modulus, Jwt.Base64Url(jwk.RootElement.GetProperty("n").GetString()!));
        Assert.Equal(1, instance.IssuedTokenCount);
        Assert.Equal(1, instance.FederationCallCount);
        Assert.Empty(emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task Token_lifetime_and_iat_follow_the_settings_and_the_server_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        clock.Advance(TimeSpan.FromDays(3));
        await using OciEmulator emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        emulator.InstancePrincipals.TokenLifetime = TimeSpan.FromMinutes(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.InstancePrincipals.TokenLifetime = TimeSpan.Zero);

        (string token, RSA key) = await Federation.GetTokenAsync(emulator, clock);
        key.Dispose();

        using JsonDocument claims = Jwt.Part(token, 1);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), claims.RootElement.GetProperty("iat").GetInt64());
        Assert.Equal(300, claims.RootElement.GetProperty("exp").GetInt64() - claims.RootElement.GetProperty("iat").GetInt64());
    }

    public enum Refusal
    {
        WrongKey,
        UnknownFingerprint,
        LeafNotMatchingKeyId,
        RotatedAwayLeaf,
        TenancyMismatch,
        NoIntermediate,
        ForeignIntermediate,
        TokenKeyId,
        NotFedX509KeyId,
        StaleDate,
    }

    [Theory]
    [InlineData(Refusal.WrongKey, "RSA signature does not match")]
    [InlineData(Refusal.UnknownFingerprint, "names no certificate the emulator issued")]
    [InlineData(Refusal.LeafNotMatchingKeyId, "does not match the certificate in the body")]
    [InlineData(Refusal.RotatedAwayLeaf, "was rotated away")]
    [InlineData(Refusal.TenancyMismatch, "but the leaf certificate belongs to")]
    [InlineData(Refusal.NoIntermediate, "does not chain to the emulator's root")]
    [InlineData(Refusal.ForeignIntermediate, "does not chain to the emulator's root")]
    [InlineData(Refusal.TokenKeyId, "does not accept security tokens")]
    [InlineData(Refusal.NotFedX509KeyId, "is not <tenancy>/fed-x509/")]
    [InlineData(Refusal.StaleDate, "away from the server clock")]
    public async Task Federation_refuses_with_401(Refusal refusal, string reason)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using OciEmulator emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        EmulatedInstancePrincipals instance = emulator.InstancePrincipals;
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);
        using RSA sessionKey = SessionKeys.Get();
        using RSA otherKey = SessionKeys.Get(1);
        string keyId = identity.KeyId;
        RSA signingKey = identity.LeafKey;
        byte[] body = Federation.Body(identity, sessionKey);
        InstanceIdentity? current = null;
        switch (refusal)
        {
            case Refusal.WrongKey:
                signingKey = otherKey;
                break;
            case Refusal.UnknownFingerprint:
                keyId = $"{identity.Tenancy}/fed-x509/{string.Join(':', Enumerable.Repeat("ab", 20))}";
                break;
            case Refusal.LeafNotMatchingKeyId:
                instance.RotateCertificate();
                current = await InstanceIdentity.FetchAsync(emulator);
                keyId = current.KeyId; // names (and is signed by) the current leaf, but the body carries the old one
                signingKey = current.LeafKey;
                break;
            case Refusal.RotatedAwayLeaf:
                instance.RotateCertificate();
                break;
            case Refusal.TenancyMismatch:
                keyId = $"ocid1.tenancy.oc1..aaaaaaaaanothertenancy/fed-x509/{identity.Sha1Fingerprint}";
                break;
            case Refusal.NoIntermediate:
                body = Federation.Body(identity, sessionKey, includeIntermediates: false);
                break;
            case Refusal.ForeignIntermediate:
                body = BodyWithIntermediate(identity, sessionKey);
                break;
            case Refusal.TokenKeyId:
                keyId = "ST$eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
                break;
            case Refusal.NotFedX509KeyId:
                keyId = $"{identity.Tenancy}/ocid1.user.oc1..aaaaaaaauser/{identity.Sha1Fingerprint}";
                break;
            case Refusal.StaleDate:
                clock.Advance(TimeSpan.FromMinutes(6));
                break;
        }

        using HttpResponseMessage response = await Federation.PostAsync(emulator, keyId, signingKey, body);
        current?.Dispose();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("NotAuthenticated", await Federation.ErrorCodeAsync(response));
        string failure = Assert.Single(emulator.AuthenticationFailures);
        Assert.StartsWith("POST /v1/x509: ", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
        Assert.Equal(0, instance.IssuedTokenCount);
        Assert.Equal(1, instance.FederationCallCount);
    }

    [Fact]
    public async Task An_unsigned_federation_request_is_refused()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);
        using RSA sessionKey = SessionKeys.Get();
        using var http = new HttpClient();
        using var content = new ByteArrayContent(Federation.Body(identity, sessionKey));
        content.Headers.ContentType = new("application/json");
        using HttpResponseMessage response = await http.PostAsync(emulator.InstancePrincipals.FederationEndpoint, content);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("no Authorization header", Assert.Single(emulator.AuthenticationFailures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("missing publicKey")]
    [InlineData("publicKey not base64")]
    [InlineData("publicKey not a key")]
    [InlineData("publicKey 1024 bits")]
    [InlineData("missing certificate")]
    [InlineData("certificate not a certificate")]
    [InlineData("missing intermediateCertificates")]
    [InlineData("intermediateCertificates not strings")]
    [InlineData("purpose not a string")]
    [InlineData("fingerprintAlgorithm MD5")]
    public async Task A_malformed_body_is_400_InvalidParameter(string malformation)
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);
        using RSA sessionKey = SessionKeys.Get();
        using RSA small = RSA.Create(1024);
        string certificate = Convert.ToBase64String(identity.Leaf.RawData);
        string publicKey = Convert.ToBase64String(sessionKey.ExportSubjectPublicKeyInfo());
        string intermediate = Convert.ToBase64String(identity.Intermediate.RawData);
        string json = malformation switch
        {
            "not json" => "certificate=abc",
            "[]" => "[]",
            "missing publicKey" => $$"""{"certificate":"{{certificate}}","intermediateCertificates":["{{intermediate}}"]}""",
            "publicKey not base64" => $$"""{"certificate":"{{certificate}}","publicKey":"***","intermediateCertificates":["{{intermediate}}"]}""",
            "publicKey not a key" => $$"""{"certificate":"{{certificate}}","publicKey":"{{certificate}}","intermediateCertificates":["{{intermediate}}"]}""",
            "publicKey 1024 bits" => $$"""{"certificate":"{{certificate}}","publicKey":"{{Convert.ToBase64String(small.ExportSubjectPublicKeyInfo())}}","intermediateCertificates":["{{intermediate}}"]}""",
            "missing certificate" => $$"""{"publicKey":"{{publicKey}}","intermediateCertificates":["{{intermediate}}"]}""",
            "certificate not a certificate" => $$"""{"certificate":"{{publicKey}}","publicKey":"{{publicKey}}","intermediateCertificates":["{{intermediate}}"]}""",
            "missing intermediateCertificates" => $$"""{"certificate":"{{certificate}}","publicKey":"{{publicKey}}"}""",
            "intermediateCertificates not strings" => $$"""{"certificate":"{{certificate}}","publicKey":"{{publicKey}}","intermediateCertificates":[42]}""",
            "purpose not a string" => $$"""{"certificate":"{{certificate}}","publicKey":"{{publicKey}}","intermediateCertificates":["{{intermediate}}"],"purpose":5}""",
            _ => $$"""{"certificate":"{{certificate}}","publicKey":"{{publicKey}}","intermediateCertificates":["{{intermediate}}"],"fingerprintAlgorithm":"MD5"}""",
        };

        using HttpResponseMessage response = await Federation.PostAsync(emulator, identity.KeyId, identity.LeafKey, Encoding.UTF8.GetBytes(json));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("InvalidParameter", await Federation.ErrorCodeAsync(response));
        Assert.Equal(0, emulator.InstancePrincipals.IssuedTokenCount);
    }

    [Fact]
    public async Task After_a_rotation_to_another_tenancy_the_new_leaf_federates_into_that_tenancy()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        const string Other = "ocid1.tenancy.oc1..aaaaaaaaothertenancy";
        emulator.InstancePrincipals.RotateCertificateToTenancy(Other);

        (string token, RSA key) = await Federation.GetTokenAsync(emulator);
        key.Dispose();

        using JsonDocument claims = Jwt.Part(token, 1);
        Assert.Equal(Other, claims.RootElement.GetProperty("tenant").GetString());
    }

    /// <summary>A body whose intermediate is a look-alike CA the emulator does not trust.</summary>
    private static byte[] BodyWithIntermediate(InstanceIdentity identity, RSA sessionKey)
    {
        using RSA key = SessionKeys.Get(2);
        var request = new CertificateRequest(identity.Intermediate.SubjectName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 impostor = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        string json = $$"""
            {"certificate":"{{Convert.ToBase64String(identity.Leaf.RawData)}}","publicKey":"{{Convert.ToBase64String(sessionKey.ExportSubjectPublicKeyInfo())}}","intermediateCertificates":["{{Convert.ToBase64String(impostor.RawData)}}"]}
            """;
        return Encoding.UTF8.GetBytes(json);
    }
}
