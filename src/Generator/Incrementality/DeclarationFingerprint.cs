using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// A SHA-256 over everything in one syntax tree that can change a symbol declared in it: every token outside member
/// bodies, in order, and every preprocessor directive where it stands (a <c>#nullable</c> inside a method body still
/// changes the declarations after it), plus the tree's path and parse options. Two trees with equal fingerprints
/// declare the same symbols, so a compilation whose trees all keep their fingerprints binds every declaration the way
/// it did before, and the models the parser built from it still hold.
/// </summary>
/// <remarks>
/// Skipped, because nothing in them is visible outside the member: method, constructor, operator and accessor bodies
/// (blocks and <c>=&gt;</c> expressions), expression-bodied properties and indexers, and top-level statements.
/// Everything else counts, conservatively: field and property initializers, attribute arguments, default values.
/// </remarks>
internal sealed class DeclarationFingerprint : IEquatable<DeclarationFingerprint>
{
    // Unchanged trees are the same objects from one compilation to the next, so an edit hashes only the trees it touched.
    private static readonly ConditionalWeakTable<SyntaxTree, DeclarationFingerprint> PerTree = new();

    private readonly byte[] _hash;

    private DeclarationFingerprint(byte[] hash) => _hash = hash;

    /// <summary>The fingerprint of <paramref name="tree"/>, computed once per tree.</summary>
    public static DeclarationFingerprint Of(SyntaxTree tree, CancellationToken cancellationToken) =>
        PerTree.TryGetValue(tree, out DeclarationFingerprint? known) ? known : PerTree.GetValue(tree, t => Compute(t, cancellationToken));

    /// <inheritdoc />
    public bool Equals(DeclarationFingerprint? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null)
        {
            return false;
        }

        for (int i = 0; i < _hash.Length; i++)
        {
            if (_hash[i] != other._hash[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DeclarationFingerprint);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_hash, 0);

    private static DeclarationFingerprint Compute(SyntaxTree tree, CancellationToken cancellationToken)
    {
        using var writer = new HashWriter();
        writer.Write(tree.FilePath);
        writer.Write((int)tree.Options.Kind);
        writer.Write((int)((CSharpParseOptions)tree.Options).LanguageVersion);
        foreach (string symbol in tree.Options.PreprocessorSymbolNames)
        {
            writer.Write(symbol);
        }

        foreach (SyntaxNodeOrToken item in tree.GetRoot(cancellationToken).DescendantNodesAndTokens(static node => !IsBody(node)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.IsToken)
            {
                SyntaxToken token = item.AsToken();
                if (token.ContainsDirectives)
                {
                    WriteDirectives(writer, token.LeadingTrivia);
                }

                writer.Write(token.RawKind);
                writer.Write(token.Text);
                if (token.ContainsDirectives)
                {
                    WriteDirectives(writer, token.TrailingTrivia);
                }
            }
            else if (item.AsNode() is { } node && IsBody(node))
            {
                // The body's kind keeps "has a body" apart from "has none"; its directives keep their place.
                writer.Write(node.RawKind);
                if (node.ContainsDirectives)
                {
                    foreach (SyntaxTrivia trivia in node.DescendantTrivia(static child => child.ContainsDirectives))
                    {
                        WriteDirective(writer, trivia);
                    }
                }
            }
        }

        return new DeclarationFingerprint(writer.Finish());
    }

    private static void WriteDirectives(HashWriter writer, SyntaxTriviaList trivia)
    {
        foreach (SyntaxTrivia item in trivia)
        {
            WriteDirective(writer, item);
        }
    }

    private static void WriteDirective(HashWriter writer, SyntaxTrivia trivia)
    {
        if (trivia.IsDirective)
        {
            writer.Write(trivia.ToString());
        }
    }

    private static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax or ArrowExpressionClauseSyntax =>
            node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax or LocalFunctionStatementSyntax,
        GlobalStatementSyntax => true,
        _ => false,
    };

    /// <summary>Feeds length-prefixed values to SHA-256 through a small buffer, so no two value sequences hash alike.</summary>
    private sealed class HashWriter : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer = new byte[4096];
        private int _used;

        public void Write(int value)
        {
            Reserve(4);
            _buffer[_used++] = (byte)value;
            _buffer[_used++] = (byte)(value >> 8);
            _buffer[_used++] = (byte)(value >> 16);
            _buffer[_used++] = (byte)(value >> 24);
        }

        public void Write(string value)
        {
            Write(value.Length);
            foreach (char c in value)
            {
                Reserve(2);
                _buffer[_used++] = (byte)c;
                _buffer[_used++] = (byte)(c >> 8);
            }
        }

        public byte[] Finish()
        {
            Flush();
            return _hash.GetHashAndReset();
        }

        public void Dispose() => _hash.Dispose();

        private void Reserve(int bytes)
        {
            if (_used + bytes > _buffer.Length)
            {
                Flush();
            }
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }
    }
}
