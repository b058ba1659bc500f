using Microsoft.Extensions.DependencyInjection;
using OciRaw.Samples.IdentityUsers;

namespace OciRaw.Extensions.DependencyInjection.Tests;

/// <summary>A wrong configuration value is an <see cref="OciSettingsException"/> that names the key and what it expected.</summary>
public sealed class SettingsErrorTests
{
    [Theory]
    [InlineData("Regoin", "iad", "Oci:Regoin is not an OciRaw setting")]
    [InlineData("Retry:MaxAttempts", "many", "Oci:Retry:MaxAttempts is 'many', which is not a whole number")]
    [InlineData("Retry:MaxAtempts", "3", "Oci:Retry:MaxAtempts is not an OciRaw setting; the settings of Oci:Retry are Enabled, MaxAttempts")]
    [InlineData("Retry:AttemptTimeout", "soon", "Oci:Retry:AttemptTimeout is 'soon', which is not a time span")]
    [InlineData("DualStack", "yes", "Oci:DualStack is 'yes', which is not true or false")]
    [InlineData("Endpoint", "identity.example", "Oci:Endpoint is 'identity.example', which is not an absolute http or https URL")]
    [InlineData("Retry:MaxAttempts", "0", "Oci:Retry is not a valid retry policy")]
    public void A_malformed_client_setting_names_its_key(string key, string value, string expected)
    {
        OciSettingsException error = Assert.Throws<OciSettingsException>(
            () => new ServiceCollection().AddOciClient<IIdentityUsers>(TestConfiguration.Oci((key, value))));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auth", "Password", "Oci:Auth is 'Password', which is not an authentication method; expected one of ConfigFile, InstancePrincipal, ResourcePrincipal.")]
    [InlineData("Auth", "1", "Oci:Auth is '1', which is not an authentication method")]
    [InlineData("InstancePrincipal:MetadataBase", "http://127.0.0.1/", "Oci:InstancePrincipal:MetadataBase is not an OciRaw setting")]
    [InlineData("InstancePrincipal:FederationEndpoint", "ftp://127.0.0.1/", "Oci:InstancePrincipal:FederationEndpoint is 'ftp://127.0.0.1/', which is not an absolute http or https URL")]
    public void A_malformed_signer_setting_names_its_key(string key, string value, string expected)
    {
        OciSettingsException error = Assert.Throws<OciSettingsException>(
            () => new ServiceCollection().AddOciSigner(TestConfiguration.Oci((key, value))));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Instance_principals_are_accepted_in_either_spelling_and_any_case()
    {
        new ServiceCollection().AddOciSigner(TestConfiguration.Oci(("Auth", "instanceprincipals")));
        new ServiceCollection().AddOciSigner(TestConfiguration.Oci(("Auth", "ResourcePrincipal")));
    }

    [Fact]
    public void A_client_without_a_region_says_where_to_set_one()
    {
        string? saved = Environment.GetEnvironmentVariable(OciConfig.RegionEnvironmentVariable);
        Assert.True(string.IsNullOrEmpty(saved), "OCI_REGION is set in this environment; the test needs it unset.");
        var services = new ServiceCollection();
        services.AddOciSigner(new StaticSigner());
        services.AddOciClient<IIdentityUsers>(TestConfiguration.Oci(("Timeout", "00:01:00")));
        using ServiceProvider provider = services.BuildServiceProvider();

        OciSettingsException error = Assert.Throws<OciSettingsException>(() => provider.GetRequiredService<IIdentityUsers>());

        Assert.Contains("IIdentityUsers has no region: set Oci:Region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_without_a_signer_says_how_to_register_one()
    {
        var services = new ServiceCollection();
        services.AddOciClient<IIdentityUsers>(settings => settings.Region = "iad");
        using ServiceProvider provider = services.BuildServiceProvider();

        OciSettingsException error = Assert.Throws<OciSettingsException>(() => provider.GetRequiredService<IIdentityUsers>());

        Assert.Contains("IIdentityUsers needs a signer: call services.AddOciSigner", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_region_is_the_runtime_s_error_that_says_how_to_declare_it()
    {
        var services = new ServiceCollection();
        services.AddOciSigner(new StaticSigner());
        services.AddOciClient<IIdentityUsers>(TestConfiguration.Oci(("Region", "mars-olympus-1")));
        using ServiceProvider provider = services.BuildServiceProvider();

        OciRegionException error = Assert.Throws<OciRegionException>(() => provider.GetRequiredService<IIdentityUsers>());

        Assert.Contains("OCI_REGION_METADATA", error.Message, StringComparison.Ordinal);
    }
}
