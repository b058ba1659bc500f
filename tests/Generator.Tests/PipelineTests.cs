namespace OciRaw.Generator.Tests;

/// <summary>How interfaces reach the generator: partial parts in several files, aliased attributes.</summary>
public sealed class PipelineTests
{
    [Fact]
    public void A_partial_interface_split_over_two_files_gets_one_client_with_every_method()
    {
        GeneratorRun run = GeneratorRun.Of(
            """
            using System.Threading.Tasks;
            using OciRaw;
            namespace Sample;
            public partial interface ISplit { [OciEndpoint("GET /a")] Task<string> FirstAsync(); }
            """,
            """
            using System.Threading.Tasks;
            using OciRaw;
            namespace Sample;
            public partial interface ISplit { [OciEndpoint("GET /b")] Task<string> SecondAsync(); }
            """);

        string client = Assert.Single(run.Sources, s => s.Key.StartsWith("OciRaw.Client.", StringComparison.Ordinal)).Value;
        Assert.Contains("FirstAsync", client, StringComparison.Ordinal);
        Assert.Contains("SecondAsync", client, StringComparison.Ordinal);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_aliased_endpoint_attribute_is_found()
    {
        GeneratorRun run = GeneratorRun.Of(
            """
            using System.Threading.Tasks;
            using Endpoint = OciRaw.OciEndpointAttribute;
            namespace Sample;
            public partial interface IAliased
            {
                [System.Obsolete("not an endpoint marker")] Task<string> NotFirstAsync();
                [Endpoint("GET /a")] Task<string> GetAsync();
            }
            """);

        Assert.Contains(run.Sources.Keys, hint => hint.Contains("IAliased", StringComparison.Ordinal));
    }
}
