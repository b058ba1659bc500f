namespace OciRaw.Tests.Regions;

/// <summary>The endpoint templates of spec §7.5, expanded for a region of oc1 and one of another realm, with and without dual stack.</summary>
public sealed class EndpointTemplateTests
{
    [Theory]
    [InlineData("identity", "https://identity.{region}.oci.{secondLevelDomain}", false, "https://identity.us-ashburn-1.oci.oraclecloud.com/")]
    [InlineData("iaas", "https://iaas.{region}.{dualStack?ds.oci.:}{secondLevelDomain}", false, "https://iaas.us-ashburn-1.oraclecloud.com/")]
    [InlineData("iaas", "https://iaas.{region}.{dualStack?ds.oci.:}{secondLevelDomain}", true, "https://iaas.us-ashburn-1.ds.oci.oraclecloud.com/")]
    [InlineData("objectstorage", "https://objectstorage.{region}.{secondLevelDomain}", false, "https://objectstorage.us-ashburn-1.oraclecloud.com/")]
    [InlineData("kms", "https://kms.{region}.{secondLevelDomain}", false, "https://kms.us-ashburn-1.oraclecloud.com/")]
    [InlineData("secrets", "https://secrets.vaults.{region}.oci.{secondLevelDomain}", false, "https://secrets.vaults.us-ashburn-1.oci.oraclecloud.com/")]
    [InlineData("telemetry", "https://telemetry.{region}.{secondLevelDomain}", false, "https://telemetry.us-ashburn-1.oraclecloud.com/")]
    [InlineData("streaming", "https://streaming.{region}.oci.{secondLevelDomain}", false, "https://streaming.us-ashburn-1.oci.oraclecloud.com/")]
    [InlineData("functions", "https://functions.{region}.oci.{secondLevelDomain}", false, "https://functions.us-ashburn-1.oci.oraclecloud.com/")]
    [InlineData("auth", "https://auth.{region}.{secondLevelDomain}", false, "https://auth.us-ashburn-1.oraclecloud.com/")]
    [InlineData("generativeai", "https://inference.generativeai.{region}.{dualStack?ds.:}oci.{secondLevelDomain}", false, "https://inference.generativeai.us-ashburn-1.oci.oraclecloud.com/")]
    [InlineData("generativeai", "https://inference.generativeai.{region}.{dualStack?ds.:}oci.{secondLevelDomain}", true, "https://inference.generativeai.us-ashburn-1.ds.oci.oraclecloud.com/")]
    [InlineData("iaas", "https://iaas.{region}.{ipv6Only?v6.:}{secondLevelDomain}", true, "https://iaas.us-ashburn-1.oraclecloud.com/")]
    public void The_spec_templates_expand_for_a_region(string service, string template, bool dualStack, string expected) =>
        Assert.Equal(new Uri(expected), OciEndpointTemplate.Expand(template, service, OciRegion.Resolve("iad"), dualStack));

    [Theory]
    [InlineData("ltn", "https://identity.uk-gov-london-1.oci.oraclegovcloud.uk/")]
    [InlineData("str", "https://identity.eu-frankfurt-2.oci.oraclecloud.eu/")]
    [InlineData("lfi", "https://identity.us-langley-1.oci.oraclegovcloud.com/")]
    public void Another_realm_changes_the_domain(string code, string expected) =>
        Assert.Equal(new Uri(expected), OciEndpointTemplate.Expand("https://identity.{region}.oci.{secondLevelDomain}", "identity", OciRegion.Resolve(code)));

    [Theory]
    [InlineData("https://identity.{regionId}.oraclecloud.com", "'{regionId}'")]
    [InlineData("https://identity.{region.oraclecloud.com", "not closed")]
    [InlineData("https://identity.region}.oraclecloud.com", "the '}' at 23 has no matching '{'")]
    [InlineData("https://iaas.{region}.{dualStack?ds}.com", "{option?ifOn:ifOff}")]
    [InlineData("http://identity.{region}.oraclecloud.com", "not an absolute https URL")]
    public void A_bad_template_is_an_argument_error_that_names_the_problem(string template, string problem)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => OciEndpointTemplate.Expand(template, "identity", OciRegion.Resolve("iad"), false));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
