using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Incrementality;

/// <summary>
/// Where each token outside member bodies starts in one tree, in the order <see cref="TreeDeclarations"/> reads them:
/// a position given as "token n, plus k characters" stays right in any later version of the tree whose declarations
/// fingerprint is equal, however much text was typed inside member bodies or between tokens. Diagnostics that the
/// pipeline caches are located this way (<see cref="Diagnostics.DiagnosticLocation"/>).
/// </summary>
/// <remarks>Computed on first use per tree and only for trees that hold a diagnostic; unchanged trees keep theirs.</remarks>
internal sealed class DeclarationTokens
{
    private static readonly ConditionalWeakTable<SyntaxTree, DeclarationTokens> PerTree = new();

    private readonly int[] _starts;

    private DeclarationTokens(int[] starts)
    {
        _starts = starts;
    }

    public static DeclarationTokens Of(SyntaxTree tree, CancellationToken cancellationToken) =>
        PerTree.TryGetValue(tree, out DeclarationTokens? known) ? known : PerTree.GetValue(tree, t => Read(t, cancellationToken));

    /// <summary>The token a position falls in (or after), and how far past its start the position is; token -1 before the first.</summary>
    public (int Token, int Offset) Find(int position)
    {
        int index = Array.BinarySearch(_starts, position);
        int token = index >= 0 ? index : ~index - 1;
        return (token, position - (token < 0 ? 0 : _starts[token]));
    }

    /// <summary>The position of <paramref name="offset"/> characters past the start of token <paramref name="token"/>.</summary>
    public int PositionOf(int token, int offset) =>
        token < 0 ? offset : token < _starts.Length ? _starts[token] + offset : -1;

    private static DeclarationTokens Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var starts = new List<int>();
        foreach (SyntaxNodeOrToken item in tree.GetRoot(cancellationToken).DescendantNodesAndTokens(static node => !TreeDeclarations.IsBody(node)))
        {
            if (item.IsToken)
            {
                starts.Add(item.AsToken().SpanStart);
            }
        }

        return new DeclarationTokens(starts.ToArray());
    }
}
