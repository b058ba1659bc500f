using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Tests;

/// <summary>[OciService]: the generated Create(OciSigner, string, OciClientOptions?) next to Create(HttpClient).</summary>
public sealed class ServiceFactoryTests
{
    private const string IdentityService = """
        using System.Threading;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Sample.Identity
        {
            public sealed class User { public string? Id { get; set; } public string? Name { get; set; } }

            [OciService("identity", "https://identity.{region}.oci.{secondLevelDomain}")]
            public partial interface IIdentityUsers
            {
                [OciEndpoint("GET /20160918/users/{userId}")]
                Task<User> GetUserAsync(string userId, CancellationToken cancellationToken = default);
            }
        }
        """;

    [Fact]
    public void ServiceFactory()
    {
        GeneratorRun run = GeneratorRun.Of(IdentityService);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Baseline.Verify(run);
    }

    [Fact]
    public void An_invalid_service_gets_no_factory_but_keeps_its_client()
    {
        GeneratorRun run = GeneratorRun.Of(IdentityService.Replace("{region}", "{regionId}", StringComparison.Ordinal));

        Assert.DoesNotContain(run.Sources.Keys, hint => hint.StartsWith("OciRaw.Service.", StringComparison.Ordinal));
        Assert.Contains(run.Sources.Keys, hint => hint.StartsWith("OciRaw.Client.Sample.Identity.IIdentityUsers", StringComparison.Ordinal));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
