using System.Text.RegularExpressions;
using OciRaw.Package.Tests.TestSupport;

namespace OciRaw.Package.Tests;

/// <summary>
/// The package's buildTransitive/OciRaw.targets: on a compiler older than the generator's Roslyn (4.8) it takes the
/// generator out of the compilation and says why (OCIRAW900), instead of the compiler's CS9057/CS8032. The SDK has no
/// older compiler to run, so the tests set CompilerApiVersion, the property the guard reads (the SDK derives it from
/// the compiler that will run, and picks analyzer folders by it too).
/// </summary>
[Collection(PackageTestGroup.Name)]
public sealed partial class CompilerGuardTests(PackedPackage package)
{
    [Fact]
    public async Task On_a_compiler_older_than_Roslyn_4_8_the_build_says_which_compiler_is_needed_and_runs_no_generator()
    {
        string consumer = package.NewConsumer("old-compiler");

        DotnetResult build = await Dotnet.RunAsync(consumer,
            ["build", "-nologo", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:CompilerApiVersion=roslyn4.7"]);

        BuildMessage warning = Assert.Single(build.Diagnostics("warning"));
        Assert.Equal("OCIRAW900", warning.Code);
        foreach (string part in new[] { "Roslyn 4.8 or later", ".NET SDK 8.0.100", "Visual Studio 2022 17.8", "Roslyn 4.7", "'roslyn4.7'", "DisableOciRawSourceGenerator" })
        {
            Assert.Contains(part, warning.Text, StringComparison.Ordinal);
        }

        // The generator really was left out: the program's IPets.Create(...) call has nothing to bind to. Those are the
        // only errors; none says that an analyzer could not be loaded or built against a newer compiler.
        Assert.NotEqual(0, build.ExitCode);
        IReadOnlyList<BuildMessage> errors = build.Diagnostics("error");
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("'IPets' does not contain a definition for 'Create'", e.Text, StringComparison.Ordinal));
        Assert.DoesNotMatch(@"\b(CS8032|CS9057|CS8784|CS8785|AD0001)\b", build.Output);
        Assert.False(Directory.Exists(Path.Combine(consumer, "obj", "Debug", "net10.0", "generated", "OciRaw.Generator")),
            "The generator wrote files although the guard removed it.");
    }

    /// <summary>
    /// The guard's version test on its own, for many values in one MSBuild run: a tiny project imports the packed
    /// targets and stands in for the SDK's package resolution with two analyzers, OciRaw's and another package's.
    /// </summary>
    [Fact]
    public async Task The_guard_compares_versions_numerically_fails_open_and_can_be_switched_off()
    {
        (string Name, string CompilerApiVersion, string Disable, bool Kept, bool Warns)[] cases =
        [
            ("roslyn4.7", "roslyn4.7", "", false, true),
            ("roslyn3.11", "roslyn3.11", "", false, true),
            ("roslyn4.0", "roslyn4.0", "", false, true),
            ("roslyn4.8", "roslyn4.8", "", true, false),
            ("roslyn4.14", "roslyn4.14", "", true, false), // 14 > 8: no string comparison
            ("roslyn5.0", "roslyn5.0", "", true, false),
            ("roslyn10.2", "roslyn10.2", "", true, false),
            ("unset", "", "", true, false), // nothing to go by: keep the generator
            ("malformed", "roslyn4", "", true, false),
            ("not-roslyn", "csc4.7", "", true, false),
            ("disabled", "roslyn5.9", "true", false, false),
            ("disabled-and-old", "roslyn4.6", "true", false, false),
        ];

        string folder = Path.Combine(package.Root, "guard-cases");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "OciRaw.targets"), package.ReadEntry("buildTransitive/OciRaw.targets"));
        string caseItems = string.Concat(cases.Select(c =>
            $"""<Case Include="{c.Name}" CompilerApiVersion="{c.CompilerApiVersion}" Disable="{c.Disable}" />"""));
        await File.WriteAllTextAsync(Path.Combine(folder, "cases.proj"), $"""
            <Project>
              <PropertyGroup>
                <Language>C#</Language>
              </PropertyGroup>
              <Import Project="OciRaw.targets" />
              <!-- What the SDK's package resolution hands over: analyzers tagged with their package id. -->
              <Target Name="ResolvePackageDependenciesForBuild">
                <ItemGroup>
                  <Analyzer Include="/packages/ociraw/1.0.0/analyzers/dotnet/cs/OciRaw.Generator.dll" NuGetPackageId="OciRaw" />
                  <Analyzer Include="/packages/other/1.0.0/analyzers/dotnet/cs/Other.Analyzer.dll" NuGetPackageId="Other" />
                </ItemGroup>
              </Target>
              <Target Name="Report" DependsOnTargets="ResolvePackageDependenciesForBuild">
                <Message Importance="high" Text="CASE $(CaseName): @(Analyzer->'%(Filename)', ',')" />
              </Target>
              <Target Name="AllCases">
                <ItemGroup>{caseItems}</ItemGroup>
                <MSBuild Projects="$(MSBuildProjectFullPath)" Targets="Report"
                         Properties="CaseName=%(Case.Identity);CompilerApiVersion=%(Case.CompilerApiVersion);DisableOciRawSourceGenerator=%(Case.Disable)" />
              </Target>
            </Project>
            """);

        DotnetResult run = (await Dotnet.RunAsync(folder, ["msbuild", "cases.proj", "-t:AllCases", "-nologo", "-tl:off", "-nodeReuse:false"])).AssertSucceeded();

        var kept = CaseLine().Matches(run.Output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim().Split(','));
        IReadOnlyList<BuildMessage> warnings = run.Diagnostics("warning");
        foreach (var c in cases)
        {
            string[] expected = c.Kept ? ["OciRaw.Generator", "Other.Analyzer"] : ["Other.Analyzer"];
            Assert.True(kept.TryGetValue(c.Name, out string[]? actual), $"No result for case {c.Name}.\n{run}");
            Assert.True(expected.SequenceEqual(actual!), $"Case {c.Name}: expected analyzers [{string.Join(", ", expected)}], got [{string.Join(", ", actual!)}].\n{run}");
            bool warned = warnings.Any(w => w.Code == "OCIRAW900" && w.Text.Contains($"(CompilerApiVersion '{c.CompilerApiVersion}')", StringComparison.Ordinal));
            Assert.True(c.Warns == warned, $"Case {c.Name}: expected {(c.Warns ? "an" : "no")} OCIRAW900 warning.\n{run}");
        }

        Assert.Equal(cases.Count(c => c.Warns), warnings.Count);
    }

    [GeneratedRegex(@"^\s*CASE ([\w.-]+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex CaseLine();
}
