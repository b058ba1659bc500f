using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OciRaw.Generator.Benchmarks;

/// <summary>
/// A yardstick, not a client generator: the same [OciEndpoint] input and the same 700 output files as OciRaw's
/// generator, with next to no work in between (the transform returns the interface name; each file is one line).
/// Its incremental run is what Roslyn's pipeline alone costs after an edit for this shape of generator.
/// Not marked [Generator]: the benchmark instantiates it, no compiler loads it.
/// </summary>
internal sealed class TrivialGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<string> interfaces = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "OciRaw.OciEndpointAttribute",
                static (node, _) => node is MethodDeclarationSyntax { Parent: InterfaceDeclarationSyntax },
                static (context, _) => context.TargetSymbol.ContainingType.Name)
            .Collect()
            .SelectMany(static (names, _) => names.Distinct().ToImmutableArray());

        context.RegisterSourceOutput(interfaces, static (output, name) =>
        {
            output.AddSource($"OciRaw.Client.{name}.g.cs", $"// {name}\n");
            for (int i = 0; i < GeneratorFixture.SerializersPerService; i++)
            {
                output.AddSource($"OciRaw.Json.{name}_{i}.g.cs", $"// {name} {i}\n");
            }
        });
    }
}
