using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OciRaw.Generator.Incrementality;

namespace OciRaw.Generator.Diagnostics;

/// <summary>
/// Where a diagnostic stands, without a syntax tree: the file path and both ends of the span as "token n of the
/// declarations, plus k characters" (<see cref="DeclarationTokens"/>). A parse result is kept while the declarations it
/// read are unchanged, text inside member bodies or whitespace may still have moved; this form finds the same place
/// in the tree of the compilation being reported on, which a plain span would not.
/// </summary>
internal readonly record struct DiagnosticLocation(string FilePath, int StartToken, int StartOffset, int EndToken, int EndOffset)
{
    /// <summary>The trimmed form of <paramref name="location"/>; null when it is not in source.</summary>
    public static DiagnosticLocation? From(Location? location, CancellationToken cancellationToken)
    {
        if (location is null || !location.IsInSource || location.SourceTree is not { } tree)
        {
            return null;
        }

        DeclarationTokens tokens = DeclarationTokens.Of(tree, cancellationToken);
        TextSpan span = location.SourceSpan;
        (int startToken, int startOffset) = tokens.Find(span.Start);

        // The end is found from its last character, so that it stays with the token it closes.
        (int endToken, int endOffset) = span.Length == 0 ? (startToken, startOffset) : tokens.Find(span.End - 1);
        return new DiagnosticLocation(tree.FilePath, startToken, startOffset, endToken, span.Length == 0 ? endOffset : endOffset + 1);
    }

    /// <summary>The same place in <paramref name="tree"/>, a version of the tree this was taken from with equal declarations.</summary>
    public Location In(SyntaxTree tree, CancellationToken cancellationToken)
    {
        DeclarationTokens tokens = DeclarationTokens.Of(tree, cancellationToken);
        int start = tokens.PositionOf(StartToken, StartOffset);
        int end = tokens.PositionOf(EndToken, EndOffset);
        int length = tree.Length;
        if (start < 0 || end < start || end > length)
        {
            // Not reachable while the declarations are equal; a location near the start beats none.
            return Location.Create(tree, new TextSpan(Math.Min(Math.Max(start, 0), length), 0));
        }

        return Location.Create(tree, TextSpan.FromBounds(start, end));
    }
}
