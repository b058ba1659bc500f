using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// What one syntax tree declares, read from syntax alone and computed once per tree (unchanged trees are the same
/// objects in the next compilation, so an edit reads only the trees it touched).
/// </summary>
/// <remarks>
/// Member bodies are skipped throughout, because nothing in them is visible outside the member: method, constructor,
/// operator and accessor bodies (blocks and <c>=&gt;</c> expressions), expression-bodied properties and indexers, and
/// top-level statements. Everything else counts, conservatively: field and property initializers, attribute
/// arguments, default values.
/// </remarks>
internal sealed class TreeDeclarations
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeDeclarations> PerTree = new();

    private TreeDeclarations(Fingerprint declarations, Fingerprint names, string[] declaredTypes, string[] referencedNames, bool hasGlobalUsings)
    {
        HasGlobalUsings = hasGlobalUsings;
        Declarations = declarations;
        Names = names;
        DeclaredTypes = declaredTypes;
        ReferencedNames = referencedNames;
    }

    /// <summary>
    /// Every token outside member bodies, in order, and every preprocessor directive where it stands (a
    /// <c>#nullable</c> inside a method body still changes the declarations after it), plus the tree's path and parse
    /// options. Equal when the tree declares the same symbols.
    /// </summary>
    public Fingerprint Declarations { get; }

    /// <summary>
    /// What name lookup in other trees can see: namespace and type declarations (path, kind, modifiers, arity), using
    /// and extern alias directives, and assembly or module attributes. Equal when no name another file binds to can
    /// have changed meaning.
    /// </summary>
    public Fingerprint Names { get; }

    /// <summary>Simple names of the types, nested ones included, and using aliases the tree declares.</summary>
    public IReadOnlyList<string> DeclaredTypes { get; }

    /// <summary>Every identifier outside member bodies, and <c>NameAttribute</c> for each attribute written <c>[Name]</c>.</summary>
    public IReadOnlyList<string> ReferencedNames { get; }

    /// <summary>
    /// True when the tree has a <c>global using</c>: it can bring names into every other tree (a <c>global using
    /// static</c> even members, which no type name points to), so whatever depends on anything depends on it.
    /// </summary>
    public bool HasGlobalUsings { get; }

    /// <summary>The declarations of <paramref name="tree"/>, read on first use.</summary>
    public static TreeDeclarations Of(SyntaxTree tree, CancellationToken cancellationToken) =>
        PerTree.TryGetValue(tree, out TreeDeclarations? known) ? known : PerTree.GetValue(tree, t => Read(t, cancellationToken));

    /// <summary>True once <paramref name="tree"/> has been read (tests prove that a single run reads no tree).</summary>
    internal static bool HasBeenRead(SyntaxTree tree) => PerTree.TryGetValue(tree, out _);

    private static TreeDeclarations Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        using var declarations = new Fingerprint.Builder();
        using var names = new Fingerprint.Builder();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        bool hasGlobalUsings = false;

        declarations.Add(tree.FilePath);
        declarations.Add((int)tree.Options.Kind);
        declarations.Add((int)((CSharpParseOptions)tree.Options).LanguageVersion);
        foreach (string symbol in tree.Options.PreprocessorSymbolNames)
        {
            declarations.Add(symbol);
        }

        foreach (SyntaxNodeOrToken item in tree.GetRoot(cancellationToken).DescendantNodesAndTokens(static node => !IsBody(node)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.IsToken)
            {
                AddToken(declarations, referenced, item.AsToken());
            }
            else if (item.AsNode() is { } node && IsBody(node))
            {
                // The body's kind keeps "has a body" apart from "has none"; its directives keep their place.
                declarations.Add(node.RawKind);
                if (node.ContainsDirectives)
                {
                    foreach (SyntaxTrivia trivia in node.DescendantTrivia(static child => child.ContainsDirectives))
                    {
                        AddDirective(declarations, trivia);
                    }
                }
            }
            else if (item.AsNode() is { } declaration)
            {
                AddName(names, declared, declaration);
                hasGlobalUsings |= declaration is UsingDirectiveSyntax @using && @using.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
            }
        }

        return new TreeDeclarations(declarations.Finish(), names.Finish(), ToArray(declared), ToArray(referenced), hasGlobalUsings);
    }

    private static void AddToken(Fingerprint.Builder declarations, HashSet<string> referenced, SyntaxToken token)
    {
        if (token.ContainsDirectives)
        {
            foreach (SyntaxTrivia trivia in token.LeadingTrivia)
            {
                AddDirective(declarations, trivia);
            }
        }

        declarations.Add(token.RawKind);
        declarations.Add(token.Text);
        if (token.IsKind(SyntaxKind.IdentifierToken))
        {
            referenced.Add(token.ValueText);
            if (IsAttributeName(token))
            {
                referenced.Add(token.ValueText + "Attribute");
            }
        }

        if (token.ContainsDirectives)
        {
            foreach (SyntaxTrivia trivia in token.TrailingTrivia)
            {
                AddDirective(declarations, trivia);
            }
        }
    }

    private static void AddDirective(Fingerprint.Builder declarations, SyntaxTrivia trivia)
    {
        if (trivia.IsDirective)
        {
            declarations.Add(trivia.ToString());
        }
    }

    private static void AddName(Fingerprint.Builder names, HashSet<string> declared, SyntaxNode node)
    {
        switch (node)
        {
            case BaseNamespaceDeclarationSyntax ns:
                names.Add(node.RawKind);
                names.Add(ns.Name.ToString());
                break;
            case BaseTypeDeclarationSyntax type:
                AddType(names, declared, type, type.Identifier, type.Modifiers, (type as TypeDeclarationSyntax)?.TypeParameterList);
                break;
            case DelegateDeclarationSyntax @delegate:
                AddType(names, declared, @delegate, @delegate.Identifier, @delegate.Modifiers, @delegate.TypeParameterList);
                break;
            case UsingDirectiveSyntax @using:
                names.Add(@using.ToString());
                if (@using.Alias is { } alias)
                {
                    declared.Add(alias.Name.Identifier.ValueText);
                }

                break;
            case ExternAliasDirectiveSyntax:
            case AttributeListSyntax { Target: not null, Parent: CompilationUnitSyntax }:
                names.Add(node.ToString());
                break;
        }
    }

    private static void AddType(
        Fingerprint.Builder names, HashSet<string> declared, SyntaxNode type, SyntaxToken identifier, SyntaxTokenList modifiers, TypeParameterListSyntax? typeParameters)
    {
        declared.Add(identifier.ValueText);
        names.Add(type.RawKind);
        names.Add(modifiers.ToString());
        names.Add(typeParameters?.Parameters.Count ?? 0);
        for (SyntaxNode? scope = type; scope is not null; scope = scope.Parent)
        {
            switch (scope)
            {
                case BaseTypeDeclarationSyntax container:
                    names.Add(container.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax container:
                    names.Add(container.Identifier.ValueText);
                    break;
                case BaseNamespaceDeclarationSyntax container:
                    names.Add(container.Name.ToString());
                    break;
            }
        }
    }

    /// <summary>True for <c>Name</c> in <c>[Name]</c> or <c>[Ns.Name]</c>: C# also looks it up as <c>NameAttribute</c>.</summary>
    private static bool IsAttributeName(SyntaxToken token)
    {
        for (SyntaxNode? name = token.Parent; name is NameSyntax; name = name.Parent)
        {
            if (name.Parent is AttributeSyntax attribute && attribute.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a member body, which nothing outside the member can see.</summary>
    internal static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax or ArrowExpressionClauseSyntax =>
            node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax or LocalFunctionStatementSyntax,
        GlobalStatementSyntax => true,
        _ => false,
    };

    private static string[] ToArray(HashSet<string> set)
    {
        var array = new string[set.Count];
        set.CopyTo(array);
        return array;
    }
}
