using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Emitting;
using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator;

/// <summary>
/// Generates a client for every partial interface with <c>[OciEndpoint]</c> methods, and reflection-free JSON code for
/// the DTOs and enums they use. Validation is the analyzer's job (<see cref="OciEndpointAnalyzer"/>); the generator only
/// reports when it fails itself.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OciClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                GeneratedNames.EndpointAttribute,
                static (node, _) => node is MethodDeclarationSyntax { Parent: InterfaceDeclarationSyntax } method && MayBeFirstEndpoint(method),
                static (context, cancellationToken) => Parse(context, cancellationToken))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.Interface);

        IncrementalValuesProvider<InterfaceModel> clients = parsed
            .Select(static (result, _) => result.Model!)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Client);

        context.RegisterSourceOutput(clients, static (output, model) =>
            Emit(output, model.Name, model.HintName, () => ClientEmitter.Emit(model)));

        // One serializer per type even when several interfaces use it.
        IncrementalValuesProvider<JsonTypeModel> jsonTypes = clients
            .SelectMany(static (model, _) => model.JsonTypes)
            .Collect()
            .WithTrackingName(TrackingNames.JsonTypes)
            .SelectMany(static (types, _) => Distinct(types))
            .WithTrackingName(TrackingNames.JsonType);

        context.RegisterSourceOutput(jsonTypes, static (output, model) =>
            Emit(output, model.DisplayName, model.HintName, () => JsonSerializerEmitter.Emit(model)));

        context.RegisterSourceOutput(parsed.Where(static r => r.Failure is not null), static (output, result) =>
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, result.InterfaceName, result.Failure)));
    }

    /// <summary>Test seam: called with each interface's name before it is parsed, so tests can prove that a failure becomes OCIRAW015.</summary>
    internal static System.Action<string>? BeforeParse { get; set; }

    /// <summary>Adds one generated file; an emitter failure becomes OCIRAW015 instead of a generator crash (CS8785).</summary>
    private static void Emit(SourceProductionContext output, string name, string hintName, System.Func<string> emit)
    {
        try
        {
            output.AddSource(hintName, SourceText.From(emit(), System.Text.Encoding.UTF8));
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, name, e.GetType().Name + ": " + e.Message));
        }
    }

    /// <summary>
    /// Parses the interface once, from its first [OciEndpoint] method (the transform runs for every attributed method).
    /// A crash becomes a diagnostic, never a compiler failure.
    /// </summary>
    private static ParseResult? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol { ContainingType: { TypeKind: TypeKind.Interface } type } method)
        {
            return null;
        }

        KnownTypes known = KnownTypes.For(context.SemanticModel.Compilation);
        if (!IsFirstEndpoint(method, type, known))
        {
            return null;
        }

        try
        {
            BeforeParse?.Invoke(type.Name);
            InterfaceModel? model = InterfaceParser.Parse(type, known, DiagnosticSink.MessagesOnly(), cancellationToken);
            return new ParseResult(type.Name, model, null);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new ParseResult(type.Name, null, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>
    /// A syntax-only filter that runs once per edited tree (the semantic transform runs for every match on every edit):
    /// only the first method of an interface declaration that carries an attribute spelled <c>OciEndpoint</c> goes on.
    /// When no sibling is spelled that way (an alias such as <c>using Endpoint = OciRaw.OciEndpointAttribute;</c>),
    /// every match goes on and the semantic <see cref="IsFirstEndpoint"/> check picks one.
    /// </summary>
    private static bool MayBeFirstEndpoint(MethodDeclarationSyntax method)
    {
        foreach (MemberDeclarationSyntax member in ((InterfaceDeclarationSyntax)method.Parent!).Members)
        {
            if (member is MethodDeclarationSyntax sibling && IsSpelledOciEndpoint(sibling))
            {
                return sibling == method;
            }
        }

        return true;
    }

    private static bool IsSpelledOciEndpoint(MethodDeclarationSyntax method)
    {
        foreach (AttributeListSyntax list in method.AttributeLists)
        {
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                string name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                    : attribute.Name is AliasQualifiedNameSyntax aliased ? aliased.Name.Identifier.ValueText
                    : attribute.Name is SimpleNameSyntax simple ? simple.Identifier.ValueText
                    : string.Empty;
                if (name is "OciEndpoint" or "OciEndpointAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsFirstEndpoint(IMethodSymbol method, INamedTypeSymbol type, KnownTypes known)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol candidate && InterfaceParser.IsEndpoint(candidate, known))
            {
                return SymbolEqualityComparer.Default.Equals(candidate, method);
            }
        }

        return false;
    }

    private static IEnumerable<JsonTypeModel> Distinct(ImmutableArray<JsonTypeModel> types)
    {
        var seen = new HashSet<string>();
        foreach (JsonTypeModel type in types)
        {
            if (seen.Add(type.SerializerClassName))
            {
                yield return type;
            }
        }
    }

    /// <summary>The outcome of parsing one interface: a model, or the message of a generator failure.</summary>
    private sealed record ParseResult(string InterfaceName, InterfaceModel? Model, string? Failure);
}
