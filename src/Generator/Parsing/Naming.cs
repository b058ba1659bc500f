using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OciRaw.Generator.Parsing;

/// <summary>Names derived from symbols: JSON names and identifiers (serializer class names: <see cref="SerializerNaming"/>).</summary>
internal static class Naming
{
    /// <summary>Fully qualified with <c>global::</c> and nullable annotations, as generated code must spell types.</summary>
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Fully qualified without nullable annotations.</summary>
    public static readonly SymbolDisplayFormat FullyQualifiedPlain = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>
    /// System.Text.Json's camelCase (<c>JsonNamingPolicy.CamelCase</c>): the leading run of upper-case letters is
    /// lowered, except the last one of a run that is followed by a lower-case letter (<c>URLValue</c> -> <c>urlValue</c>).
    /// </summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        char[] chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            bool hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>An identifier as it must be written in source (<c>@class</c> for keywords).</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.AwaitKeyword
            ? "@" + name
            : name;

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value) =>
        SymbolDisplay.FormatLiteral(value, quote: true);
}
