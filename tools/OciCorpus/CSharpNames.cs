using System.Text;
using System.Text.Json;

namespace OciRaw.Corpus;

/// <summary>C# identifiers for OCI's snake_case and kebab-case names.</summary>
public static class CSharpNames
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary><c>boot_volume_size_in_gbs</c>, <c>content-length</c> -> <c>BootVolumeSizeInGbs</c>, <c>ContentLength</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        return char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    /// <summary>A parameter name: <c>opc_request_id</c> -> <c>opcRequestId</c>, keywords escaped (<c>@namespace</c>).</summary>
    public static string Parameter(string name)
    {
        string pascal = Pascal(name);
        string camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return Escape(camel);
    }

    /// <summary>A route placeholder's parameter: the placeholder itself, so that it binds by name.</summary>
    public static string Escape(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    /// <summary>Whether <paramref name="text"/> is a plain C# identifier (letters, digits, underscores; not a digit first).</summary>
    public static bool IsIdentifier(string text) =>
        text.Length > 0 && !char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>The JSON name a C# property gets without <c>[JsonPropertyName]</c> (System.Text.Json's camelCase, as the generator).</summary>
    public static string DefaultJsonName(string propertyName) => JsonNamingPolicy.CamelCase.ConvertName(propertyName);

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder("\"", value.Length + 2);
        foreach (char c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Makes <paramref name="name"/> unique among <paramref name="taken"/> (adding 2, 3, ...) and takes it.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        string candidate = name;
        for (int i = 2; !taken.Add(candidate.TrimStart('@')); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
