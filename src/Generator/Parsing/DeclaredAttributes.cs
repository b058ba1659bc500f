using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// The attributes of a symbol, read from its declaration where that gives what binding would, without binding them.
/// </summary>
/// <remarks>
/// <para>
/// Binding an attribute is most of what reading a symbol costs the generator: Roslyn binds its type and arguments and
/// runs nullable analysis over them, for each symbol, once more for the compile that follows (which has its own
/// symbols). On the whole of OCI, the <c>[OciHeader("...")]</c> and <c>[OciQuery]</c> of 8,054 methods' parameters
/// were a tenth of the generator's time, and the properties of DTOs, which mostly have no attribute, cost binding too.
/// </para>
/// <para>Two cases are read from syntax, and anything else is bound as before:</para>
/// <list type="bullet">
/// <item>A symbol whose every declaration has no attribute list has no attribute (a symbol with no declaration, from
/// metadata or made by the compiler, is asked).</item>
/// <item>An OciRaw attribute written plainly (<c>[OciHeader("opc-request-id")]</c>: a simple name, string literals only,
/// no target) on a parameter, method or property declared once: its value is the literal, and the simple name is
/// checked once per type declaration to find OciRaw's attribute there, as the compiler would find it.</item>
/// </list>
/// </remarks>
internal sealed class DeclaredAttributes
{
    private readonly Compilation _compilation;
    private readonly Dictionary<string, INamedTypeSymbol> _ownBySpelling = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(SyntaxNode Scope, string Spelling), bool> _spellingBinds = new();

    public DeclaredAttributes(Compilation compilation, IEnumerable<INamedTypeSymbol?> ownAttributes)
    {
        _compilation = compilation;
        foreach (INamedTypeSymbol? attribute in ownAttributes)
        {
            if (attribute is not null)
            {
                _ownBySpelling[attribute.Name] = attribute;
                _ownBySpelling[attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length)] = attribute;
            }
        }
    }

    /// <summary>Every attribute of <paramref name="symbol"/>; bound only when its declarations have any.</summary>
    public static ImmutableArray<AttributeData> Of(ISymbol symbol) =>
        DeclaresNone(symbol) ? ImmutableArray<AttributeData>.Empty : symbol.GetAttributes();

    /// <summary>The OciRaw attribute <paramref name="attributeType"/> on <paramref name="symbol"/>, or null.</summary>
    public OciAttribute? Find(ISymbol symbol, INamedTypeSymbol? attributeType, CancellationToken cancellationToken)
    {
        if (attributeType is null)
        {
            return null;
        }

        if (TryFindPlain(symbol, attributeType, out OciAttribute? plain))
        {
            return plain;
        }

        return KnownTypes.Find(symbol, attributeType) is { } bound ? OciAttribute.FromBound(bound, cancellationToken) : null;
    }

    private static bool DeclaresNone(ISymbol symbol)
    {
        if (symbol is IParameterSymbol && SingleDeclaration(symbol) is ParameterSyntax parameter)
        {
            return AttributeListsOf(parameter) is { Count: 0 };
        }

        ImmutableArray<SyntaxReference> references = symbol.DeclaringSyntaxReferences;
        if (references.IsEmpty || symbol.IsImplicitlyDeclared)
        {
            return false;
        }

        foreach (SyntaxReference reference in references)
        {
            if (AttributeListsOf(reference.GetSyntax()) is not { Count: 0 })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The lists that hold every attribute of the symbol <paramref name="declaration"/> declares, or null when they are
    /// not all there: a partial member's other part may add some.
    /// </summary>
    private static SyntaxList<AttributeListSyntax>? AttributeListsOf(SyntaxNode declaration) => declaration switch
    {
        // A record's positional parameter declares its property too; [property: ...] stands in the same lists.
        ParameterSyntax parameter => parameter.Parent?.Parent is BaseMethodDeclarationSyntax method && IsPartial(method.Modifiers) ? null : parameter.AttributeLists,
        PropertyDeclarationSyntax property => IsPartial(property.Modifiers) ? null : property.AttributeLists,
        BaseMethodDeclarationSyntax method => IsPartial(method.Modifiers) ? null : method.AttributeLists,
        VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } => field.AttributeLists,
        EnumMemberDeclarationSyntax member => member.AttributeLists,
        // Each part of a partial type is a reference of its own. A record's primary constructor is declared by the
        // type, and its [method: ...] attributes stand in the type's lists.
        BaseTypeDeclarationSyntax type => type.AttributeLists,
        _ => null,
    };

    /// <summary>
    /// Finds <paramref name="attributeType"/> among the attributes of a symbol whose attributes are all OciRaw's and
    /// written plainly (<paramref name="found"/> is null when it has no such attribute); false when binding must tell
    /// (see the remarks).
    /// </summary>
    private bool TryFindPlain(ISymbol symbol, INamedTypeSymbol attributeType, out OciAttribute? found)
    {
        found = null;
        SyntaxList<AttributeListSyntax> lists;
        switch (SingleDeclaration(symbol))
        {
            case ParameterSyntax { Parent.Parent: MethodDeclarationSyntax method } parameter when IsPlainMethod(method):
                lists = parameter.AttributeLists;
                break;
            case MethodDeclarationSyntax method when IsPlainMethod(method):
                lists = method.AttributeLists;
                break;
            case PropertyDeclarationSyntax property when !IsPartial(property.Modifiers):
                lists = property.AttributeLists;
                break;
            default:
                return false;
        }

        if (lists.Count == 0)
        {
            return true;
        }

        if (lists[0].FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } scope)
        {
            return false;
        }

        // Every attribute is checked, not only up to the one asked for: one that must be bound may be an alias of it.
        foreach (AttributeListSyntax list in lists)
        {
            if (list.Target is not null)
            {
                return false;
            }

            foreach (AttributeSyntax attribute in list.Attributes)
            {
                // A verbatim name (@OciQueryAttribute) is looked up without the Attribute suffix: leave it to the compiler.
                if (attribute.Name is not IdentifierNameSyntax { Identifier: var name } || name.Text != name.ValueText
                    || !_ownBySpelling.TryGetValue(name.ValueText, out INamedTypeSymbol? type)
                    || !TryReadStringArguments(attribute, out string? argument)
                    || !SpellingBinds(scope, attribute, name.ValueText, type))
                {
                    return false;
                }

                if (found is null && SymbolEqualityComparer.Default.Equals(type, attributeType))
                {
                    found = OciAttribute.FromSyntax(argument, attribute.GetLocation());
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The one declaration of <paramref name="symbol"/>, or null. A parameter's is found through its method's, by
    /// position: Roslyn finds a parameter's own by searching the tree for its location.
    /// </summary>
    private static SyntaxNode? SingleDeclaration(ISymbol symbol)
    {
        if (symbol.IsImplicitlyDeclared)
        {
            return null;
        }

        if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter
            && SingleDeclaration(method) is BaseMethodDeclarationSyntax { ParameterList.Parameters: var parameters }
            && parameters.Count == method.Parameters.Length)
        {
            return parameters[parameter.Ordinal];
        }

        ImmutableArray<SyntaxReference> references = symbol.DeclaringSyntaxReferences;
        return references.Length == 1 ? references[0].GetSyntax() : null;
    }

    /// <summary>A method whose parameters and attributes are all in this declaration, and whose scope adds no names.</summary>
    private static bool IsPlainMethod(MethodDeclarationSyntax method) => method.TypeParameterList is null && !IsPartial(method.Modifiers);

    /// <summary>No arguments, or positional string literals only (the first is the value); false for anything else.</summary>
    private static bool TryReadStringArguments(AttributeSyntax attribute, out string? first)
    {
        first = null;
        if (attribute.ArgumentList is not { } arguments)
        {
            return true;
        }

        for (int i = 0; i < arguments.Arguments.Count; i++)
        {
            if (arguments.Arguments[i] is not { NameEquals: null, NameColon: null, Expression: LiteralExpressionSyntax literal }
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return false;
            }

            first ??= literal.Token.ValueText;
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="spelling"/> names <paramref name="expected"/> as an attribute in <paramref name="scope"/>:
    /// the compiler looks up both the name and the name with <c>Attribute</c> appended, so both lookups together must
    /// find that type and nothing else. Every member of one type declaration sees the same names (generic methods are
    /// not read from syntax), so the answer is kept per declaration.
    /// </summary>
    private bool SpellingBinds(TypeDeclarationSyntax scope, AttributeSyntax attribute, string spelling, INamedTypeSymbol expected)
    {
        if (_spellingBinds.TryGetValue((scope, spelling), out bool known))
        {
            return known;
        }

        SemanticModel model = _compilation.GetSemanticModel(attribute.SyntaxTree);
        int position = attribute.SpanStart;
        bool binds = true;
        int matches = 0;
        foreach (string name in new[] { spelling, spelling + "Attribute" })
        {
            foreach (ISymbol candidate in model.LookupNamespacesAndTypes(position, name: name))
            {
                binds &= SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, expected);
                matches++;
            }
        }

        binds &= matches == 1;
        _spellingBinds[(scope, spelling)] = binds;
        return binds;
    }

    private static bool IsPartial(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.PartialKeyword);
}
