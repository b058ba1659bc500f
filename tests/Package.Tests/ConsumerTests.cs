using OciRaw.Package.Tests.TestSupport;

namespace OciRaw.Package.Tests;

/// <summary>A user's project restores OciRaw from a folder feed, builds with the real SDK and runs the generated client.</summary>
[Collection(PackageTestGroup.Name)]
public sealed class ConsumerTests(PackedPackage package)
{
    [Fact]
    public async Task A_consumer_builds_from_the_packed_nupkg_without_a_warning_and_its_generated_client_works()
    {
        string consumer = package.NewConsumer("consumer");

        DotnetResult build = (await Dotnet.RunAsync(consumer,
            ["build", "-nologo", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false"])).AssertSucceeded();

        if (build.Diagnostics("warning") is { Count: > 0 } warnings)
        {
            throw build.Failure($"reported {warnings.Count} warning(s): {string.Join(", ", warnings.Select(w => w.Code))}");
        }

        // The package came from the folder feed (not a project reference, not the machine's NuGet cache), and the
        // SDK imported its buildTransitive guard.
        string assets = await File.ReadAllTextAsync(Path.Combine(consumer, "obj", "project.assets.json"));
        Assert.Contains($"\"OciRaw/{package.Version}\"", assets, StringComparison.Ordinal);
        string imports = await File.ReadAllTextAsync(Path.Combine(consumer, "obj", "Consumer.csproj.nuget.g.targets"));
        Assert.Contains($"ociraw/{package.Version}/buildTransitive/OciRaw.targets", imports, StringComparison.Ordinal);

        // The packed generator ran: the client and the DTO serializers were generated.
        string generated = Path.Combine(consumer, "obj", "Debug", "net10.0", "generated");
        string[] paths = Directory.GetFiles(generated, "*.g.cs", SearchOption.AllDirectories);
        string[] files = paths.Select(f => Path.GetFileName(f)).ToArray();
        Assert.Contains("OciRaw.Client.Consumer.IPets.g.cs", files);
        string serializers = await File.ReadAllTextAsync(paths.Single(f => Path.GetFileName(f) == "OciRaw.Json.Consumer.C.g.cs"));
        Assert.Contains("class Consumer_CreatePetDetails_Json", serializers, StringComparison.Ordinal);

        // And what it generated works, through the packed runtime's signing handler.
        DotnetResult run = (await Dotnet.RunAsync(consumer, [Path.Combine(consumer, "bin", "Debug", "net10.0", "Consumer.dll")])).AssertSucceeded();
        string[] lines = run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        try
        {
            Assert.Equal(
            [
                "POST /20250101/pets {\"name\":\"Rex\",\"age\":3}",
                "created ocid1.pet.oc1..p1 Rex 3",
                "GET /20250101/pets/ocid1.pet.oc1..p1?view=full ",
                "got ocid1.pet.oc1..p1 Rex, opc-request-id req-GET",
            ], lines);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw run.Failure("printed something else: " + e.Message);
        }
    }
}
