using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator.Diagnostics;

/// <summary>
/// Reports every problem of [OciEndpoint] interfaces at the offending syntax, using the same parser as the generator.
/// Analyzer diagnostics can be suppressed with #pragma and .editorconfig, and keep the generator's cache clean.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OciEndpointAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InterfaceNotPartial,
        DiagnosticDescriptors.InvalidRoute,
        DiagnosticDescriptors.PlaceholderWithoutParameter,
        DiagnosticDescriptors.ParameterNotBound,
        DiagnosticDescriptors.MultipleBodies,
        DiagnosticDescriptors.BodyNotAllowed,
        DiagnosticDescriptors.UnsupportedParameterType,
        DiagnosticDescriptors.UnsupportedMemberType,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.GenericMethod,
        DiagnosticDescriptors.CannotPage,
        DiagnosticDescriptors.DuplicateRoute,
        DiagnosticDescriptors.CannotConstruct,
        DiagnosticDescriptors.UnsupportedInterface,
        DiagnosticDescriptors.UnsupportedJsonAttribute,
        DiagnosticDescriptors.HeadReadsBody,
        DiagnosticDescriptors.InvalidCollectionFormat,
        DiagnosticDescriptors.UnsupportedPolymorphicBase,
        DiagnosticDescriptors.UnsupportedDerivedType,
        DiagnosticDescriptors.DuplicateDiscriminator,
        DiagnosticDescriptors.DiscriminatorNameClash,
        DiagnosticDescriptors.ResultNotConstructible,
        DiagnosticDescriptors.UnsupportedHeaderProperty,
        DiagnosticDescriptors.ResultBodyConflict,
        DiagnosticDescriptors.UnsupportedBodyProperty,
        DiagnosticDescriptors.ContentHeaderWithoutRawBody,
        DiagnosticDescriptors.InvalidHeaderPrefix,
        DiagnosticDescriptors.ExcludeBodyWithoutBody,
        DiagnosticDescriptors.ResultClassAsJson);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            KnownTypes known = KnownTypes.For(start.Compilation);
            if (known.EndpointAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, known), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownTypes known)
    {
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type || !HasEndpoint(type, known))
        {
            return;
        }

        DiagnosticSink sink = DiagnosticSink.Collecting();
        InterfaceParser.Parse(type, known, sink, context.CancellationToken);
        foreach (Diagnostic diagnostic in sink.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>True when any method of <paramref name="type"/> carries [OciEndpoint].</summary>
    internal static bool HasEndpoint(INamedTypeSymbol type, KnownTypes known)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol method && InterfaceParser.IsEndpoint(method, known))
            {
                return true;
            }
        }

        return false;
    }
}
