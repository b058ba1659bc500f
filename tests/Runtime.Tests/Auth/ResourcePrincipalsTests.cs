using System.Net;

namespace OciRaw.Tests.Auth;

/// <summary>Resource principals v2.2: variables that hold a value or an absolute path, followed on disk.</summary>
public sealed class ResourcePrincipalsTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Dictionary<string, string?> _environment = new();
    private readonly string _keyPem = File.ReadAllText(VectorFiles.KeyPath(VectorFiles.TestKey));

    public ResourcePrincipalsTests()
    {
        _environment[ResourcePrincipalsSigner.VersionVariable] = "2.2";
        _environment[ResourcePrincipalsSigner.RegionVariable] = "us-phoenix-1";
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Values_in_the_variables_sign_with_the_token_and_key()
    {
        string token = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "rpst");
        _environment[ResourcePrincipalsSigner.TokenVariable] = token;
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = _keyPem;

        var signer = new ResourcePrincipalsSigner(Options());
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");
        OciSignature signature = await signer.SignAsync(request);

        Assert.Contains($"keyId=\"ST${token}\"", signature.Authorization, StringComparison.Ordinal);
        Assert.Equal("us-phoenix-1", signer.Region);
        OciCredentials credentials = await signer.GetCredentialsAsync();
        Assert.True(IndependentVerifier.Verify(credentials.Key.ExportSubjectPublicKeyInfo(), signature.SigningString, signature.Signature));
        Assert.DoesNotContain(token, signer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", signer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_in_the_variables_are_re_read_when_the_files_change()
    {
        string tokenFile = _folder.Write("rpst", TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "first"));
        _environment[ResourcePrincipalsSigner.TokenVariable] = tokenFile;
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = _folder.Write("key.pem", _keyPem);
        var signer = new ResourcePrincipalsSigner(Options());
        string second = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(2), "second");

        File.WriteAllText(tokenFile, second);
        File.SetLastWriteTimeUtc(tokenFile, DateTime.UtcNow.AddMinutes(5));
        OciCredentials after = await signer.GetCredentialsAsync();

        Assert.Equal("ST$" + second, after.KeyId);
    }

    [Fact]
    public async Task An_encrypted_key_takes_its_pass_phrase_from_a_file()
    {
        _environment[ResourcePrincipalsSigner.TokenVariable] = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1));
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = VectorFiles.KeyPath("keys/test_rsa2048.enc-pkcs8.pem");
        _environment[ResourcePrincipalsSigner.PassPhraseVariable] = _folder.Write("pass", "oracle-test-passphrase\n");

        var signer = new ResourcePrincipalsSigner(Options());

        Assert.Equal(VectorFiles.TestKeyFingerprint, (await signer.GetCredentialsAsync()).KeyFingerprint);
    }

    [Fact]
    public async Task A_401_after_the_token_file_was_rotated_is_retried_once()
    {
        string tokenFile = _folder.Write("rpst", TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "old"));
        string fresh = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "fresh");
        _environment[ResourcePrincipalsSigner.TokenVariable] = tokenFile;
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = _keyPem;
        var signer = new ResourcePrincipalsSigner(Options());
        await using var server = new LoopbackHttpServer(request =>
        {
            if (request.Header("authorization")!.Contains(fresh, StringComparison.Ordinal))
            {
                return ServerResponse.Json(HttpStatusCode.OK, "{}");
            }

            File.WriteAllText(tokenFile, fresh); // the platform rotated the token
            return ServerResponse.Json(HttpStatusCode.Unauthorized, "{\"code\":\"NotAuthenticated\",\"message\":\"expired\"}");
        });
        using var http = new HttpClient(new OciSigningHandler(signer, new SocketsHttpHandler()));

        using HttpResponseMessage response = await http.GetAsync($"http://127.0.0.1:{server.Port}/x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Received.Count);
    }

    [Theory]
    [InlineData(null, "OCI_RESOURCE_PRINCIPAL_VERSION is not set")]
    [InlineData("1.1", "supports resource principals version 2.2")]
    public void A_missing_or_unsupported_version_is_named(string? version, string words)
    {
        _environment[ResourcePrincipalsSigner.VersionVariable] = version;

        var error = Assert.Throws<OciAuthenticationException>(() => new ResourcePrincipalsSigner(Options()));

        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_token_names_the_variable()
    {
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = _keyPem;

        var error = Assert.Throws<OciAuthenticationException>(() => new ResourcePrincipalsSigner(Options()));

        Assert.Contains("OCI_RESOURCE_PRINCIPAL_RPST is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_that_is_not_a_jwt_is_refused_without_being_repeated()
    {
        _environment[ResourcePrincipalsSigner.TokenVariable] = "not-a-token-but-a-secret";
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = _keyPem;

        var error = Assert.Throws<OciAuthenticationException>(() => new ResourcePrincipalsSigner(Options()));

        Assert.Contains("does not hold a resource principal session token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token-but-a-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_names_the_variable_and_the_path()
    {
        _environment[ResourcePrincipalsSigner.TokenVariable] = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1));
        _environment[ResourcePrincipalsSigner.PrivateKeyVariable] = "/nonexistent/rp.pem";

        var error = Assert.Throws<OciAuthenticationException>(() => new ResourcePrincipalsSigner(Options()));

        Assert.Contains("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM points to '/nonexistent/rp.pem'", error.Message, StringComparison.Ordinal);
    }

    private ResourcePrincipalsSignerOptions Options() => new() { EnvironmentVariables = name => _environment.GetValueOrDefault(name) };
}
