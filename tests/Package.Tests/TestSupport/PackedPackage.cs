using System.IO.Compression;
using System.Reflection;

namespace OciRaw.Package.Tests.TestSupport;

/// <summary>
/// The OciRaw package under test, packed once for the whole test collection: <c>dotnet pack src/Runtime --no-build</c>
/// (the test project's build has just built it in the same configuration) with a version no earlier run used, into a
/// folder feed inside a temp folder of its own. Consumers restore from that feed into a packages folder inside the
/// same temp folder, so neither the machine's NuGet cache nor a parallel run can hand them another build of OciRaw.
/// The temp folder is deleted at the end.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public const string Id = "OciRaw";

    /// <summary>The unique temp folder of this test run.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ociraw-package-tests-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A version no other run uses (SemVer 2; the prerelease label starts with a letter).</summary>
    public string Version { get; } = "0.0.0-test" + Guid.NewGuid().ToString("N")[..12];

    public string Feed => Path.Combine(Root, "feed");

    public string NupkgPath => Path.Combine(Feed, $"{Id}.{Version}.nupkg");

    public string SnupkgPath => Path.Combine(Feed, $"{Id}.{Version}.snupkg");

    /// <summary>The output of the pack, for tests that want to show it.</summary>
    public DotnetResult Pack { get; private set; } = null!;

    /// <summary>The output of packing OciRaw.Extensions.DependencyInjection.</summary>
    public DotnetResult PackDependencyInjection { get; private set; } = null!;

    /// <summary>The packed OciRaw.Extensions.DependencyInjection.</summary>
    public string DependencyInjectionNupkgPath => Path.Combine(Feed, $"OciRaw.Extensions.DependencyInjection.{Version}.nupkg");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The configuration this test assembly (and so src/Runtime, which it references) was built in.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Pack = await Dotnet.RunAsync(RepositoryRoot,
        [
            "pack", Path.Combine(RepositoryRoot, "src", "Runtime", "OciRaw.csproj"),
            "--no-build", "--no-restore", "-c", Configuration, "-o", Feed, "-nologo", "-tl:off", "-nodeReuse:false",
            $"-p:Version={Version}",
            // The intermediate .nuspec files go to the temp folder too, not into src/Runtime/obj.
            $"-p:NuspecOutputPath={Path.Combine(Root, "nuspec")}{Path.DirectorySeparatorChar}",
        ]);
        Pack.AssertSucceeded();
        if (!File.Exists(NupkgPath))
        {
            throw Pack.Failure($"did not write {NupkgPath}");
        }

        // The DI package goes to the same feed with the same version, as a release would publish the two.
        PackDependencyInjection = await Dotnet.RunAsync(RepositoryRoot,
        [
            "pack", Path.Combine(RepositoryRoot, "src", "Extensions.DependencyInjection", "OciRaw.Extensions.DependencyInjection.csproj"),
            "--no-build", "--no-restore", "-c", Configuration, "-o", Feed, "-nologo", "-tl:off", "-nodeReuse:false",
            $"-p:Version={Version}",
            $"-p:NuspecOutputPath={Path.Combine(Root, "nuspec-di")}{Path.DirectorySeparatorChar}",
        ]);
        PackDependencyInjection.AssertSucceeded();
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>The package's entries, without the OPC bookkeeping every nupkg has.</summary>
    public IReadOnlyList<string> Entries(string? path = null)
    {
        using ZipArchive zip = ZipFile.OpenRead(path ?? NupkgPath);
        return zip.Entries.Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/services/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public byte[] ReadEntry(string name)
    {
        using ZipArchive zip = ZipFile.OpenRead(NupkgPath);
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new FileNotFoundException($"{name} is not in {NupkgPath}");
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// A new folder under <see cref="Root"/> holding the consumer project (tests/Package.Tests/ConsumerTemplate), with
    /// a nuget.config whose only source is the folder feed, and Directory.Build.props/targets and global.json that
    /// shield it from whatever folders lie above the temp folder. Returns the project folder.
    /// </summary>
    public string NewConsumer(string name)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="ociraw-under-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <OciRawPackageVersion>{Version}</OciRawPackageVersion>
                <RestorePackagesPath>{Path.Combine(Root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        // The SDK the repository builds with (the temp folder has no global.json of its own).
        File.Copy(Path.Combine(RepositoryRoot, "global.json"), Path.Combine(folder, "global.json"));

        string template = Path.Combine(AppContext.BaseDirectory, "ConsumerTemplate");
        foreach (string file in Directory.GetFiles(template))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static string Metadata(string key) =>
        typeof(PackedPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

[CollectionDefinition(Name)]
public sealed class PackageTestGroup : ICollectionFixture<PackedPackage>
{
    public const string Name = "OciRaw package";
}
