using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OciRaw.Package.Tests.TestSupport;

namespace OciRaw.Package.Tests;

/// <summary>What is inside the packed OciRaw.nupkg: the files, the nuspec, and what the generator DLL depends on.</summary>
[Collection(PackageTestGroup.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    private const string Generator = "analyzers/dotnet/cs/OciRaw.Generator.dll";

    [Fact]
    public void The_package_holds_the_runtime_the_generator_the_guard_and_the_readme_and_nothing_else()
    {
        Assert.Equal(
        [
            "OciRaw.nuspec",
            "README.md",
            Generator,
            "build/OciRaw.targets",
            "buildTransitive/OciRaw.targets",
            "lib/net8.0/OciRaw.dll",
            "lib/net8.0/OciRaw.xml",
        ], package.Entries());

        // One guard, shipped twice (buildTransitive/ for NuGet 5+, build/ for older clients).
        Assert.Equal(package.ReadEntry("buildTransitive/OciRaw.targets"), package.ReadEntry("build/OciRaw.targets"));
    }

    [Fact]
    public void The_symbols_package_holds_the_runtime_pdb()
    {
        Assert.Equal(["OciRaw.nuspec", "lib/net8.0/OciRaw.pdb"], package.Entries(package.SnupkgPath));
    }

    [Fact]
    public void The_nuspec_is_complete_and_has_no_dependency()
    {
        XElement metadata = Nuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

        Assert.Equal(PackedPackage.Id, Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("OciRaw contributors", Value("authors"));
        XElement license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("source generator", Value("description"), StringComparison.Ordinal);
        Assert.Contains("http-signature", Value("tags").Split(' '));
        XElement repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");

        // The runtime needs nothing outside the BCL, and the generator's Roslyn stays a private build dependency.
        XElement group = Assert.Single(metadata.Elements().Single(e => e.Name.LocalName == "dependencies").Elements());
        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        Assert.Empty(group.Elements());
        Assert.DoesNotContain("Microsoft.CodeAnalysis", Nuspec().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_packed_generator_references_only_netstandard_and_Roslyn_at_the_guards_floor()
    {
        using var pe = new PEReader(new MemoryStream(package.ReadEntry(Generator)));
        MetadataReader reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .ToDictionary(r => reader.GetString(r.Name), r => r.Version);

        // Anything else would have to be found next to the analyzer at load time, and the package ships nothing there
        // (a stray dependency here is what broke Refit's generator in Visual Studio).
        Assert.Subset(new HashSet<string> { "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable" },
            references.Keys.ToHashSet());
        Version roslyn = references["Microsoft.CodeAnalysis"];
        Assert.Equal(roslyn, references["Microsoft.CodeAnalysis.CSharp"]);
        // Roslyn 4.8 carries System.Collections.Immutable 7.0; a newer reference would not load in that compiler.
        if (references.TryGetValue("System.Collections.Immutable", out Version? immutable))
        {
            Assert.True(immutable <= new Version(7, 0, 0, 0), $"The generator references System.Collections.Immutable {immutable}.");
        }

        // The guard's floor is exactly the Roslyn the generator was compiled against.
        string targets = System.Text.Encoding.UTF8.GetString(package.ReadEntry("buildTransitive/OciRaw.targets"));
        Assert.Equal(roslyn.Major.ToString(System.Globalization.CultureInfo.InvariantCulture), Property(targets, "_OciRawMinimumCompilerMajor"));
        Assert.Equal(roslyn.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture), Property(targets, "_OciRawMinimumCompilerMinor"));
        Assert.Equal(new Version(4, 8, 0, 0), roslyn);
    }

    private XDocument Nuspec() => XDocument.Load(new MemoryStream(package.ReadEntry("OciRaw.nuspec")));

    private static string Property(string project, string name) =>
        Regex.Match(project, $"<{name}>([^<]*)</{name}>") is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"The guard targets define no {name}.");
}
