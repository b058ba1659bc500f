using System.IO.Compression;
using System.Xml.Linq;
using OciRaw.Package.Tests.TestSupport;

namespace OciRaw.Package.Tests;

/// <summary>
/// What is inside OciRaw.Extensions.DependencyInjection.nupkg: its library and readme, and dependencies on the OciRaw
/// of the same version and on the 8.0 line of Microsoft.Extensions (the floor of a net8.0 library), nothing else.
/// </summary>
[Collection(PackageTestGroup.Name)]
public sealed class DependencyInjectionPackageTests(PackedPackage package)
{
    private const string Id = "OciRaw.Extensions.DependencyInjection";

    [Fact]
    public void The_package_holds_the_library_its_documentation_and_the_readme()
    {
        Assert.Equal(
        [
            Id + ".nuspec",
            "README.md",
            $"lib/net8.0/{Id}.dll",
            $"lib/net8.0/{Id}.xml",
        ], package.Entries(package.DependencyInjectionNupkgPath));
    }

    [Fact]
    public void The_nuspec_depends_on_the_same_OciRaw_and_on_Microsoft_Extensions_8()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.DependencyInjectionNupkgPath);
        using Stream nuspec = zip.GetEntry(Id + ".nuspec")!.Open();
        XElement metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal(package.Version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);
        XElement group = Assert.Single(metadata.Elements().Single(e => e.Name.LocalName == "dependencies").Elements());
        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        Dictionary<string, string> dependencies = group.Elements().ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [PackedPackage.Id] = package.Version,
                ["Microsoft.Extensions.Http"] = "8.0.1",
                ["Microsoft.Extensions.Configuration.Abstractions"] = "8.0.0",
                ["Microsoft.Extensions.Logging.Abstractions"] = "8.0.2",
            },
            dependencies);
    }
}
