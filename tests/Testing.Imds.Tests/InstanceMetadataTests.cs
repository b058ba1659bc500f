using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace OciRaw.Testing.Imds.Tests;

public sealed class InstanceMetadataTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer Something")]
    [InlineData("Oracle")]
    public async Task Every_IMDS_call_needs_Bearer_Oracle(string? authorization)
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        foreach (string path in new[] { "/instance/region", "/instance/regionInfo", "/identity/cert.pem", "/identity/key.pem", "/identity/intermediate.pem" })
        {
            using HttpResponseMessage response = await Imds.SendAsync(Imds.Get(emulator, path, authorization));
            Assert.Equal(401, (int)response.StatusCode);
            Assert.Equal("NotAuthenticated", await Federation.ErrorCodeAsync(response));
            Assert.DoesNotContain("PRIVATE KEY", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(5, emulator.AuthenticationFailures.Count);
        Assert.All(emulator.AuthenticationFailures, f => Assert.Contains("Bearer Oracle", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Region_and_regionInfo_describe_Ashburn()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        Assert.Equal(new Uri(emulator.BaseAddress, "opc/v2"), emulator.InstancePrincipals.MetadataBaseAddress);
        Assert.Equal("iad", await Imds.GetStringAsync(emulator, "/instance/region"));
        Assert.Equal("us-ashburn-1", await Imds.GetStringAsync(emulator, "/instance/canonicalRegionName"));

        using JsonDocument info = JsonDocument.Parse(await Imds.GetStringAsync(emulator, "/instance/regionInfo"));
        Assert.Equal("oc1", info.RootElement.GetProperty("realmKey").GetString());
        Assert.Equal("oraclecloud.com", info.RootElement.GetProperty("realmDomainComponent").GetString());
        Assert.Equal("IAD", info.RootElement.GetProperty("regionKey").GetString());
        Assert.Equal("us-ashburn-1", info.RootElement.GetProperty("regionIdentifier").GetString());
        Assert.Empty(emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task Leaf_names_the_tenancy_and_chains_through_the_intermediate_to_the_root()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        EmulatedInstancePrincipals instance = emulator.InstancePrincipals;
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);

        Assert.Equal(instance.TenancyId, identity.Tenancy);
        Assert.StartsWith("ocid1.tenancy.oc1..", identity.Tenancy, StringComparison.Ordinal);
        string[] values = [.. identity.Leaf.SubjectName.EnumerateRelativeDistinguishedNames().Select(r => r.GetSingleElementValue()!)];
        Assert.Contains(instance.InstanceId, values);
        Assert.Contains("opc-certtype:instance", values);
        Assert.Contains("opc-instance:" + instance.InstanceId, values);
        Assert.Contains(values, v => v.StartsWith("opc-compartment:ocid1.", StringComparison.Ordinal));
        X500RelativeDistinguishedName commonName = identity.Leaf.SubjectName.EnumerateRelativeDistinguishedNames().First();
        Assert.Equal("2.5.4.3", commonName.GetSingleElementType().Value);
        Assert.Equal(instance.InstanceId, commonName.GetSingleElementValue());
        Assert.Contains("OU=opc-tenant:" + instance.TenancyId, identity.Leaf.Subject, StringComparison.Ordinal);
        Assert.Equal(2048, identity.Leaf.GetRSAPublicKey()!.KeySize);
        Assert.Equal(instance.LeafFingerprint, identity.Sha1Fingerprint);
        Assert.Equal(instance.LeafCertificatePem, await Imds.GetStringAsync(emulator, "/identity/cert.pem"));
        Assert.Equal(instance.IntermediateCertificatePem, await Imds.GetStringAsync(emulator, "/identity/intermediate.pem"));

        using X509Certificate2 root = X509Certificate2.CreateFromPem(instance.RootCertificatePem);
        Assert.Equal(root.SubjectName.Name, root.IssuerName.Name);
        Assert.Equal(identity.Intermediate.SubjectName.Name, identity.Leaf.IssuerName.Name);
        Assert.Equal(root.SubjectName.Name, identity.Intermediate.IssuerName.Name);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.ExtraStore.Add(identity.Intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(identity.Leaf), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(3, chain.ChainElements.Count);
        Assert.True(identity.Intermediate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.False(identity.Leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
    }

    [Fact]
    public async Task Key_pem_is_the_PKCS1_private_key_of_the_leaf()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        using InstanceIdentity identity = await InstanceIdentity.FetchAsync(emulator);

        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", identity.LeafKeyPem, StringComparison.Ordinal);
        byte[] data = "proof of possession"u8.ToArray();
        byte[] signature = identity.LeafKey.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.True(identity.Leaf.GetRSAPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Rotation_issues_a_new_leaf_and_key_for_the_same_or_another_tenancy()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        EmulatedInstancePrincipals instance = emulator.InstancePrincipals;
        string tenancy = instance.TenancyId;
        using InstanceIdentity before = await InstanceIdentity.FetchAsync(emulator);

        instance.RotateCertificate();
        using InstanceIdentity rotated = await InstanceIdentity.FetchAsync(emulator);
        Assert.Equal(tenancy, rotated.Tenancy);
        Assert.Equal(tenancy, instance.TenancyId);
        Assert.NotEqual(before.Sha1Fingerprint, rotated.Sha1Fingerprint);
        Assert.NotEqual(before.LeafKey.ExportSubjectPublicKeyInfo(), rotated.LeafKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(rotated.Leaf.GetRSAPublicKey()!.ExportSubjectPublicKeyInfo(), rotated.LeafKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(before.Leaf.SubjectName.EnumerateRelativeDistinguishedNames().First().GetSingleElementValue(),
            rotated.Leaf.SubjectName.EnumerateRelativeDistinguishedNames().First().GetSingleElementValue());

        const string Other = "ocid1.tenancy.oc1..aaaaaaaaothertenancy";
        instance.RotateCertificateToTenancy(Other);
        using InstanceIdentity moved = await InstanceIdentity.FetchAsync(emulator);
        Assert.Equal(Other, moved.Tenancy);
        Assert.Equal(Other, instance.TenancyId);
    }

    [Fact]
    public async Task Unknown_paths_are_404_and_other_methods_405()
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        using (HttpResponseMessage missing = await Imds.SendAsync(Imds.Get(emulator, "/instance/shape")))
        {
            Assert.Equal(404, (int)missing.StatusCode);
        }

        var post = new HttpRequestMessage(HttpMethod.Post, emulator.InstancePrincipals.MetadataBaseAddress + "/identity/cert.pem");
        post.Headers.TryAddWithoutValidation("Authorization", "Bearer Oracle");
        using HttpResponseMessage notAllowed = await Imds.SendAsync(post);
        Assert.Equal(405, (int)notAllowed.StatusCode);
    }
}
