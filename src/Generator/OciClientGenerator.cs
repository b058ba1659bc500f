using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Diagnostics;
using OciRaw.Generator.Emitting;
using OciRaw.Generator.Incrementality;
using OciRaw.Generator.Model;
using OciRaw.Generator.Parsing;

namespace OciRaw.Generator;

/// <summary>
/// Generates a client for every partial interface with <c>[OciEndpoint]</c> methods, and reflection-free JSON code for
/// the DTOs and enums they use, and reports every problem the parse finds at the offending syntax: each interface is
/// parsed once, for its model and its diagnostics together (there is no analyzer parsing it a second time).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OciClientGenerator : IIncrementalGenerator
{
    private readonly System.Action<string>? _beforeParse;

    /// <summary>The generator the compiler loads.</summary>
    public OciClientGenerator()
    {
    }

    /// <summary>Test seam: <paramref name="beforeParse"/> sees each interface's name before it is parsed, so tests can count parses and prove that a failure becomes OCIRAW015.</summary>
    internal OciClientGenerator(System.Action<string> beforeParse)
    {
        _beforeParse = beforeParse;
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Which interfaces have endpoints. This re-runs on every edit, so it stays cheap: FAWMN binds the attributes of
        // one method per interface, and the transform only names the interface.
        IncrementalValueProvider<ImmutableArray<string>> interfaceNames = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                GeneratedNames.EndpointAttribute,
                static (node, _) => node is MethodDeclarationSyntax { Parent: InterfaceDeclarationSyntax } method && MayBeFirstEndpoint(method),
                static (context, _) => context.TargetSymbol.ContainingType is { TypeKind: TypeKind.Interface } type ? MetadataName(type) : null)
            .Where(static name => name is not null)
            .Select(static (name, _) => name!)
            .Collect();

        // One snapshot per interface, equal to the last one unless something its model can depend on changed (a
        // declaration in a file it reaches by name, a type or using anywhere, an option, a reference), so most edits
        // parse nothing and an edit to a DTO parses only the interfaces that reach it. What each part of a snapshot
        // covers, and why that is enough, is in TreeDeclarations, DependencyGraph and CompilationContext.
        // DisableOciRawIncrementalSnapshots=true (an MSBuild property) is the way out should a snapshot ever miss a
        // dependency: every interface is then parsed again on every edit, as with a plain FAWMN transform.
        IncrementalValueProvider<bool> snapshotsEnabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => !GeneratorOptions.IsTrue(options.GlobalOptions, GeneratorOptions.DisableIncrementalSnapshots));
        IncrementalValuesProvider<InterfaceSnapshot> snapshots = interfaceNames
            .Combine(context.CompilationProvider)
            .Combine(snapshotsEnabled)
            .SelectMany(static (input, _) => input.Right
                ? InterfaceSnapshot.TakeAll(input.Left.Left, input.Left.Right)
                : InterfaceSnapshot.TakeAllUncached(input.Left.Left, input.Left.Right))
            .WithTrackingName(TrackingNames.Snapshot);

        System.Action<string>? beforeParse = _beforeParse;
        IncrementalValuesProvider<ParseResult> parsed = snapshots
            .Select((snapshot, cancellationToken) => Parse(snapshot, beforeParse, cancellationToken))
            .WithTrackingName(TrackingNames.Parse)
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.Interface);

        IncrementalValuesProvider<InterfaceModel> clients = parsed
            .Select(static (result, _) => result.Model!)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Client);

        context.RegisterSourceOutput(clients, static (output, model) =>
            Emit(output, model.Name, model.HintName, () => ClientEmitter.Emit(model)));

        // One serializer per type even when several interfaces use it, in files of a namespace and initial each: a
        // file is emitted again only when one of its types changed.
        IncrementalValuesProvider<JsonFileModel> jsonFiles = clients
            .SelectMany(static (model, _) => model.JsonTypes)
            .Collect()
            .WithTrackingName(TrackingNames.JsonTypes)
            .SelectMany(static (types, _) => JsonFileModel.Group(types))
            .WithTrackingName(TrackingNames.JsonFile);

        context.RegisterSourceOutput(jsonFiles, static (output, file) =>
            Emit(output, file.HintName, file.HintName, () => JsonSerializerEmitter.Emit(file, (type, e) => ReportFailure(output, type.DisplayName, e))));

        // [OciService] interfaces also get Create(OciSigner, string, OciClientOptions?): a file of its own, from its own
        // small model, so the client pipeline above is untouched by it.
        IncrementalValuesProvider<ServiceModel> services = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ServiceParser.AttributeName,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (context, _) => context.TargetSymbol is INamedTypeSymbol type && context.Attributes.Length == 1
                    ? ServiceParser.Parse(type, context.Attributes[0], KnownTypes.For(context.SemanticModel.Compilation))
                    : null)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Service);

        context.RegisterSourceOutput(services, static (output, model) =>
            Emit(output, model.Name, model.HintName, () => ServiceFactoryEmitter.Emit(model)));

        context.RegisterSourceOutput(parsed.Where(static r => r.Failure is not null), static (output, result) =>
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, result.InterfaceName, result.Failure)));

        // The problems of [OciService] attributes, from the same attribute match (cheap: one per service interface).
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> serviceProblems = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ServiceParser.AttributeName,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (context, cancellationToken) => context.TargetSymbol is INamedTypeSymbol type && context.Attributes.Length == 1
                    ? ServiceParser.Problems(type, context.Attributes[0], KnownTypes.For(context.SemanticModel.Compilation), cancellationToken).ToList().ToEquatableArray()
                    : EquatableArray<DiagnosticInfo>.Empty);

        // Every diagnostic once (a DTO reached by several interfaces is parsed with each), located in the trees of the
        // current compilation: the parse results may be older than the text around the declarations they read. This
        // step re-runs on every edit, but only maps the diagnostics there are; its output is compared by value, so
        // the report below re-runs only when a diagnostic or its place changed.
        IncrementalValueProvider<ImmutableArray<Diagnostic>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .Collect()
            .Combine(serviceProblems.Collect())
            .Combine(context.CompilationProvider)
            .Select(static (input, cancellationToken) => Locate(input.Left.Left.AddRange(input.Left.Right), input.Right, cancellationToken))
            .WithComparer(DiagnosticsComparer.Instance);

        context.RegisterSourceOutput(diagnostics, static (output, all) =>
        {
            foreach (Diagnostic diagnostic in all)
            {
                output.ReportDiagnostic(diagnostic);
            }
        });
    }

    /// <summary>The distinct diagnostics of <paramref name="groups"/>, at their places in <paramref name="compilation"/>.</summary>
    private static ImmutableArray<Diagnostic> Locate(ImmutableArray<EquatableArray<DiagnosticInfo>> groups, Compilation compilation, CancellationToken cancellationToken)
    {
        var seen = new HashSet<DiagnosticInfo>();
        ImmutableArray<Diagnostic>.Builder located = ImmutableArray.CreateBuilder<Diagnostic>();
        Dictionary<string, SyntaxTree>? trees = null;
        SyntaxTree? Find(string path)
        {
            if (trees is null)
            {
                trees = new Dictionary<string, SyntaxTree>(System.StringComparer.Ordinal);
                foreach (SyntaxTree tree in compilation.SyntaxTrees)
                {
                    if (!trees.ContainsKey(tree.FilePath))
                    {
                        trees[tree.FilePath] = tree;
                    }
                }
            }

            return trees.TryGetValue(path, out SyntaxTree? found) ? found : null;
        }

        foreach (EquatableArray<DiagnosticInfo> group in groups)
        {
            foreach (DiagnosticInfo info in group)
            {
                if (seen.Add(info))
                {
                    located.Add(info.ToDiagnostic(Find, cancellationToken));
                }
            }
        }

        return located.ToImmutable();
    }

    /// <summary>Adds one generated file; an emitter failure becomes OCIRAW015 instead of a generator crash (CS8785).</summary>
    private static void Emit(SourceProductionContext output, string name, string hintName, System.Func<SourceText> emit)
    {
        try
        {
            output.AddSource(hintName, emit());
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            ReportFailure(output, name, e);
        }
    }

    /// <summary>OCIRAW015 for <paramref name="name"/>: what could not be generated, and why.</summary>
    private static void ReportFailure(SourceProductionContext output, string name, System.Exception e) =>
        output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, name, e.GetType().Name + ": " + e.Message));

    /// <summary>
    /// Parses the interface of a new snapshot against the compilation it was taken of; null when the name finds no
    /// interface. A crash becomes a diagnostic for its interface, never a compiler failure.
    /// </summary>
    private static ParseResult? Parse(InterfaceSnapshot snapshot, System.Action<string>? beforeParse, CancellationToken cancellationToken)
    {
        string name = snapshot.MetadataName;
        try
        {
            Compilation compilation = snapshot.Context.Compilation;
            if (compilation.Assembly.GetTypeByMetadataName(snapshot.MetadataName) is not { } type)
            {
                return null;
            }

            name = type.Name;
            beforeParse?.Invoke(name);
            DiagnosticSink sink = DiagnosticSink.Collecting(cancellationToken);
            InterfaceModel? model = InterfaceParser.Parse(type, KnownTypes.For(compilation), sink, cancellationToken);
            return new ParseResult(name, model, null, sink.Diagnostics);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return new ParseResult(name, null, e.GetType().Name + ": " + e.Message, EquatableArray<DiagnosticInfo>.Empty);
        }
    }

    /// <summary>The name <see cref="IAssemblySymbol.GetTypeByMetadataName"/> finds the type by: <c>Ns.Outer+Inner`1</c>.</summary>
    private static string MetadataName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = ns.MetadataName + "." + name;
        }

        return name;
    }

    /// <summary>
    /// A syntax-only filter that runs once per edited tree (the semantic transform runs for every match on every edit):
    /// only the first method of an interface declaration that carries an attribute spelled <c>OciEndpoint</c> goes on.
    /// When no sibling is spelled that way (an alias such as <c>using Endpoint = OciRaw.OciEndpointAttribute;</c>),
    /// every match goes on, and <see cref="InterfaceSnapshot.TakeAll"/> keeps each interface once.
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

    /// <summary>The outcome of parsing one interface: a model and the problems found, or the message of a generator failure.</summary>
    private sealed record ParseResult(string InterfaceName, InterfaceModel? Model, string? Failure, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Located diagnostics compared by value (a <see cref="Diagnostic"/> equals another at the same place with the same message).</summary>
    private sealed class DiagnosticsComparer : IEqualityComparer<ImmutableArray<Diagnostic>>
    {
        public static readonly DiagnosticsComparer Instance = new();

        public bool Equals(ImmutableArray<Diagnostic> x, ImmutableArray<Diagnostic> y) => x.SequenceEqual(y);

        public int GetHashCode(ImmutableArray<Diagnostic> obj) => obj.Length;
    }
}
