namespace OciRaw.Tests.Regions;

/// <summary>The environment switches the OCI SDKs share: OCI_SDK_DEFAULT_RETRY_ENABLED and OCI_DUAL_STACK_ENDPOINT_ENABLED.</summary>
[Collection(EnvironmentTestGroup.Name)]
public sealed class RetryEnvironmentTests : IDisposable
{
    private readonly EnvironmentVariables _env = new();

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData(" FALSE ", false)]
    public void OCI_SDK_DEFAULT_RETRY_ENABLED_false_turns_the_default_retries_off(string? value, bool enabled)
    {
        _env.Set(OciRetryOptions.EnabledEnvironmentVariable, value);

        Assert.Equal(enabled, new OciRetryOptions().Enabled);
        Assert.True((new OciRetryOptions() with { Enabled = true }).Enabled);
    }

    [Theory]
    [InlineData(null, "https://iaas.us-ashburn-1.oraclecloud.com/")]
    [InlineData("true", "https://iaas.us-ashburn-1.ds.oci.oraclecloud.com/")]
    public void OCI_DUAL_STACK_ENDPOINT_ENABLED_turns_dual_stack_on_unless_the_client_says_otherwise(string? value, string expected)
    {
        _env.Set(OciEndpointTemplate.DualStackEnvironmentVariable, value);
        const string Template = "https://iaas.{region}.{dualStack?ds.oci.:}{secondLevelDomain}";

        Assert.Equal(new Uri(expected), OciEndpointTemplate.Expand(Template, "iaas", OciRegion.Resolve("iad")));
        Assert.Equal(new Uri("https://iaas.us-ashburn-1.oraclecloud.com/"), OciEndpointTemplate.Expand(Template, "iaas", OciRegion.Resolve("iad"), dualStack: false));
    }

    public void Dispose() => _env.Dispose();
}
