using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OciRaw.Generator.Tests;

/// <summary>MSBuild properties as the compiler hands them to a generator (<c>build_property.NAME</c>), for driver tests.</summary>
internal sealed class BuildProperties(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private static readonly Options None = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

    public static BuildProperties WithProperty(string name, string value) => new(new Dictionary<string, string> { ["build_property." + name] = value });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
