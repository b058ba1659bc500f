using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Diagnostics;

/// <summary>Reports the problems of <c>[OciService]</c> attributes (OCIRAW035-OCIRAW037), with the rules the generator applies.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OciServiceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidEndpointTemplate,
        DiagnosticDescriptors.InvalidServiceName,
        DiagnosticDescriptors.ServiceWithoutClient);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? serviceAttribute = start.Compilation.GetTypeByMetadataName(ServiceParser.AttributeName);
            if (serviceAttribute is null)
            {
                return;
            }

            KnownTypes known = KnownTypes.For(start.Compilation);
            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, serviceAttribute, known), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol serviceAttribute, KnownTypes known)
    {
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type)
        {
            return;
        }

        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, serviceAttribute))
            {
                foreach (Diagnostic diagnostic in ServiceParser.Problems(type, attribute, known))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }
}
