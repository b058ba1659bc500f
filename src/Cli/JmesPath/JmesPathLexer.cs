using System.Globalization;
using OciRaw.Cli.Json;

namespace OciRaw.Cli.JmesPath;

/// <summary>Splits a JMESPath expression into tokens (the grammar of jmespath.org/specification.html).</summary>
internal static class JmesPathLexer
{
    public static List<JmesPathToken> Tokenize(string expression)
    {
        var tokens = new List<JmesPathToken>();
        int i = 0;
        while (i < expression.Length)
        {
            char c = expression[i];
            int start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(JmesPathTokenKind.UnquotedIdentifier, start, expression[start..i]));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < expression.Length && char.IsAsciiDigit(expression[i + 1])))
            {
                i++;
                while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                {
                    i++;
                }

                if (!int.TryParse(expression.AsSpan(start, i - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
                {
                    throw JmesPathException.Syntax(expression, start, "Number out of range");
                }

                tokens.Add(new(JmesPathTokenKind.Number, start, Number: number));
                continue;
            }

            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    i++;
                    continue;
                case '.': tokens.Add(new(JmesPathTokenKind.Dot, start)); i++; continue;
                case '*': tokens.Add(new(JmesPathTokenKind.Star, start)); i++; continue;
                case ']': tokens.Add(new(JmesPathTokenKind.RBracket, start)); i++; continue;
                case '{': tokens.Add(new(JmesPathTokenKind.LBrace, start)); i++; continue;
                case '}': tokens.Add(new(JmesPathTokenKind.RBrace, start)); i++; continue;
                case '(': tokens.Add(new(JmesPathTokenKind.LParen, start)); i++; continue;
                case ')': tokens.Add(new(JmesPathTokenKind.RParen, start)); i++; continue;
                case ',': tokens.Add(new(JmesPathTokenKind.Comma, start)); i++; continue;
                case ':': tokens.Add(new(JmesPathTokenKind.Colon, start)); i++; continue;
                case '@': tokens.Add(new(JmesPathTokenKind.Current, start)); i++; continue;
                case '[':
                    i++;
                    if (Next(expression, i) == ']')
                    {
                        tokens.Add(new(JmesPathTokenKind.Flatten, start));
                        i++;
                    }
                    else if (Next(expression, i) == '?')
                    {
                        tokens.Add(new(JmesPathTokenKind.Filter, start));
                        i++;
                    }
                    else
                    {
                        tokens.Add(new(JmesPathTokenKind.LBracket, start));
                    }

                    continue;
                case '|': i = Pair(tokens, expression, i, '|', JmesPathTokenKind.Or, JmesPathTokenKind.Pipe); continue;
                case '&': i = Pair(tokens, expression, i, '&', JmesPathTokenKind.And, JmesPathTokenKind.Expref); continue;
                case '!': i = Pair(tokens, expression, i, '=', JmesPathTokenKind.Ne, JmesPathTokenKind.Not); continue;
                case '<': i = Pair(tokens, expression, i, '=', JmesPathTokenKind.Lte, JmesPathTokenKind.Lt); continue;
                case '>': i = Pair(tokens, expression, i, '=', JmesPathTokenKind.Gte, JmesPathTokenKind.Gt); continue;
                case '=':
                    if (Next(expression, i + 1) != '=')
                    {
                        throw JmesPathException.Syntax(expression, start, "'=' is not an operator (did you mean '=='?)");
                    }

                    tokens.Add(new(JmesPathTokenKind.Eq, start));
                    i += 2;
                    continue;
                case '"':
                    string quoted = Delimited(expression, ref i, '"');
                    JsonItem? name = JsonItemReader.TryParse("\"" + quoted + "\"");
                    if (name is not { Kind: JsonKind.String })
                    {
                        throw JmesPathException.Syntax(expression, start, "Invalid quoted identifier");
                    }

                    tokens.Add(new(JmesPathTokenKind.QuotedIdentifier, start, name.String));
                    continue;
                case '\'':
                    string raw = Delimited(expression, ref i, '\'').Replace("\\'", "'", StringComparison.Ordinal);
                    tokens.Add(new(JmesPathTokenKind.Literal, start, Literal: JsonItem.FromString(raw)));
                    continue;
                case '`':
                    string json = Delimited(expression, ref i, '`').Replace("\\`", "`", StringComparison.Ordinal);
                    JsonItem literal = JsonItemReader.TryParse(json)
                        ?? JsonItemReader.TryParse("\"" + json.TrimStart() + "\"") // the legacy form: `foo` is the string "foo"
                        ?? throw JmesPathException.Syntax(expression, start, "Invalid JSON literal");
                    tokens.Add(new(JmesPathTokenKind.Literal, start, Literal: literal));
                    continue;
                default:
                    throw JmesPathException.Syntax(expression, start, $"Unknown token '{c}'");
            }
        }

        tokens.Add(new(JmesPathTokenKind.Eof, expression.Length));
        return tokens;
    }

    private static char Next(string expression, int i) => i < expression.Length ? expression[i] : '\0';

    private static int Pair(List<JmesPathToken> tokens, string expression, int i, char second, JmesPathTokenKind pair, JmesPathTokenKind single)
    {
        bool isPair = Next(expression, i + 1) == second;
        tokens.Add(new(isPair ? pair : single, i));
        return i + (isPair ? 2 : 1);
    }

    /// <summary>The text up to the closing <paramref name="delimiter"/>; a backslash keeps the next character.</summary>
    private static string Delimited(string expression, ref int i, char delimiter)
    {
        int start = i;
        i++;
        while (i < expression.Length && expression[i] != delimiter)
        {
            i += expression[i] == '\\' && i + 1 < expression.Length ? 2 : 1;
        }

        if (i >= expression.Length)
        {
            throw JmesPathException.Syntax(expression, start, $"Unclosed {delimiter} delimiter");
        }

        i++;
        return expression[(start + 1)..(i - 1)];
    }
}
