namespace OciRaw.Tests;

/// <summary>Every case of signing.json, byte for byte, through the signer API.</summary>
public sealed class SigningVectorTests
{
    [Theory]
    [MemberData(nameof(VectorFiles.CaseNames), MemberType = typeof(VectorFiles))]
    public async Task Signer_reproduces_the_vector_exactly(string name)
    {
        SigningVector vector = VectorFiles.Case(name);
        OciSigner signer = StaticSigner.FromPemFile(vector.KeyId, VectorFiles.KeyPath(vector.Key), vector.PassPhrase);
        using HttpRequestMessage request = vector.CreateRequest();

        OciSignature signature = await signer.SignAsync(request);

        Assert.Equal(vector.ExpectedSigningString, signature.SigningString);
        Assert.Equal(vector.ExpectedSignature, signature.Signature);
        Assert.Equal(vector.ExpectedAuthorization, signature.Authorization);
        Assert.Equal(vector.ExpectedAuthorization, Assert.Single(request.Headers.GetValues("Authorization")));
        AssertSignedHeaders(vector, signature, request);
    }

    [Theory]
    [MemberData(nameof(VectorFiles.CaseNames), MemberType = typeof(VectorFiles))]
    public async Task ApiKeySigner_from_the_key_file_reproduces_the_vector(string name)
    {
        SigningVector vector = VectorFiles.Case(name);
        // The published docs vectors use a fingerprint that is not the docs key's; the signer checks it, so those
        // cases use the real fingerprint and the keyId in the expected Authorization is adjusted to match.
        string fingerprint = vector.UsesDocsKey ? VectorFiles.DocsKeyRealFingerprint : vector.Fingerprint;
        var signer = new ApiKeySigner(vector.Tenancy, vector.User, fingerprint, VectorFiles.KeyPath(vector.Key), vector.PassPhrase);
        using HttpRequestMessage request = vector.CreateRequest();

        OciSignature signature = await signer.SignAsync(request);

        Assert.Equal(vector.ExpectedSigningString, signature.SigningString);
        Assert.Equal(vector.ExpectedSignature, signature.Signature);
        Assert.Equal(vector.ExpectedAuthorization.Replace(vector.KeyId, signer.KeyId, StringComparison.Ordinal), signature.Authorization);
        AssertSignedHeaders(vector, signature, request);
    }

    [Theory]
    [MemberData(nameof(VectorFiles.CaseNames), MemberType = typeof(VectorFiles))]
    public async Task BouncyCastle_verifies_the_signature_with_the_public_key(string name)
    {
        SigningVector vector = VectorFiles.Case(name);
        var signer = StaticSigner.FromPemFile(vector.KeyId, VectorFiles.KeyPath(vector.Key), vector.PassPhrase);
        OciCredentials credentials = await signer.GetCredentialsAsync();
        using HttpRequestMessage request = vector.CreateRequest();

        OciSignature signature = await signer.SignAsync(request);

        byte[] publicKey = credentials.Key.ExportSubjectPublicKeyInfo();
        Assert.True(IndependentVerifier.Verify(publicKey, signature.SigningString, signature.Signature));
        Assert.False(IndependentVerifier.Verify(publicKey, signature.SigningString + " ", signature.Signature));
    }

    /// <summary>The values signed are the values the request carries, and they match the vector's.</summary>
    private static void AssertSignedHeaders(SigningVector vector, OciSignature signature, HttpRequestMessage request)
    {
        var signed = signature.SignedHeaders.ToDictionary(h => h.Key, h => h.Value);
        foreach ((string header, string expected) in vector.ExpectedHeaders)
        {
            Assert.Equal(expected, signed[header]);
            if (header != "host")
            {
                Assert.Equal(expected, HeaderOnRequest(request, header));
            }
        }
    }

    private static string HeaderOnRequest(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) || request.Content!.Headers.NonValidated.TryGetValues(name, out values)
            ? values.ToString()
            : throw new Xunit.Sdk.XunitException($"The request has no '{name}' header.");
}
