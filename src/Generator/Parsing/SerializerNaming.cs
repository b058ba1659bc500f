using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// The name of a type's generated serializer class, a readable encoding of the fully qualified type that is
/// injective, so two types never share a serializer; and the name of the file it goes in (<see cref="FileName"/>).
/// The pipeline de-duplicates serializers by class name, so a collision would silently drop one type's serializer.
/// </summary>
/// <remarks>
/// Letters and digits are kept and the dot between namespaces and the type becomes <c>_</c>, so the usual name stays
/// <c>My_Namespace_User_Json</c>. Everything else is <c>_</c> followed by an ASCII digit:
/// <list type="table">
/// <item><term><c>_0</c></term><description>an underscore in a name: <c>A.B_C</c> is <c>A_B_0C</c>, <c>A_B.C</c> is <c>A_0B_C</c></description></item>
/// <item><term><c>_1</c></term><description>a nested type: <c>Outer.Inner</c> is <c>Outer_1Inner</c></description></item>
/// <item><term><c>_2 _3 _4</c></term><description>a type argument list: <c>Page&lt;Item, int&gt;</c> is <c>Page_2Item_3System_Int32_4</c></description></item>
/// <item><term><c>_5 _6</c></term><description>an array: <c>Item[]</c> is <c>Item_5_6</c>, <c>Item[,]</c> is <c>Item_5_3_6</c></description></item>
/// <item><term><c>_7XXXX</c></term><description>any other character, as four hex digits of its UTF-16 code</description></item>
/// </list>
/// The encoding can be read back unambiguously: a <c>_</c> followed by an ASCII digit starts an escape of fixed length,
/// and any other <c>_</c> is the namespace dot, which is always followed by the start of a name, never by a digit (a
/// name that starts with a digit, possible only in metadata from other languages, has that digit escaped). Type
/// arguments are spelled by metadata name (<c>System_Int32</c>, not <c>int</c>), so a keyword type and a user type of
/// the same name (<c>@int</c>) stay apart, and tuple element names, which do not change the type, do not change the name.
/// </remarks>
internal static class SerializerNaming
{
    private const string Suffix = "_Json";

    /// <summary>The serializer class name of <paramref name="type"/>: <c>My_Namespace_Outer_1User_Json</c>.</summary>
    public static string ClassName(ITypeSymbol type)
    {
        var builder = new StringBuilder();
        AppendType(builder, type);
        return builder.Append(Suffix).ToString();
    }

    /// <summary>
    /// The name of the generated file that holds <paramref name="type"/>'s serializer, shared with the other types of its
    /// namespace whose (outermost) name starts with the same letter: <c>OciRaw.Json.My_Namespace.U.g.cs</c>, or
    /// <c>OciRaw.Json.U.g.cs</c> in the global namespace; <c>_</c> stands for any initial that is not an ASCII letter.
    /// </summary>
    /// <remarks>
    /// The whole of OCI has some fourteen thousand DTOs and enums, and Roslyn checks each generated file's name against
    /// every one added before it, so one file per type costs time that grows with the square of the types. Grouping by
    /// namespace keeps a service's types together, and the initial keeps a large service's files small and easy to find
    /// (an edit re-emits the types of one group). The namespace is encoded as in <see cref="ClassName"/>, which has no
    /// dots, so names in different namespaces never meet, except for namespaces that differ only in case: Roslyn
    /// compares hint names ignoring case, and <see cref="Model.JsonFileModel.Group"/> puts those in one file.
    /// </remarks>
    public static string FileName(INamedTypeSymbol type)
    {
        INamedTypeSymbol outermost = type;
        while (outermost.ContainingType is { } container)
        {
            outermost = container;
        }

        var builder = new StringBuilder("OciRaw.Json.");
        if (outermost.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            AppendNamespace(builder, ns);
            builder.Append('.');
        }

        char initial = outermost.Name.Length > 0 ? outermost.Name[0] : '_';
        builder.Append(initial is >= 'a' and <= 'z' or >= 'A' and <= 'Z' ? char.ToUpperInvariant(initial) : '_');
        return builder.Append(".g.cs").ToString();
    }

    private static void AppendType(StringBuilder builder, ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                AppendType(builder, array.ElementType);
                builder.Append("_5");
                for (int i = 1; i < array.Rank; i++)
                {
                    builder.Append("_3");
                }

                builder.Append("_6");
                break;
            case INamedTypeSymbol named:
                AppendNamed(builder, named);
                break;
            default:
                // Type parameters, pointers, dynamic: never serializable, but they still need a distinct name. The '!'
                // (escaped) cannot start a named type's encoding.
                AppendName(builder, "!" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                break;
        }
    }

    private static void AppendNamed(StringBuilder builder, INamedTypeSymbol type)
    {
        if (type.ContainingType is { } container)
        {
            AppendNamed(builder, container);
            builder.Append("_1");
        }
        else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            AppendNamespace(builder, ns);
            builder.Append('_');
        }

        AppendName(builder, type.Name);
        if (type.TypeArguments.Length > 0)
        {
            builder.Append("_2");
            for (int i = 0; i < type.TypeArguments.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append("_3");
                }

                AppendType(builder, type.TypeArguments[i]);
            }

            builder.Append("_4");
        }
    }

    private static void AppendNamespace(StringBuilder builder, INamespaceSymbol ns)
    {
        if (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            AppendNamespace(builder, parent);
            builder.Append('_');
        }

        AppendName(builder, ns.Name);
    }

    private static void AppendName(StringBuilder builder, string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '_')
            {
                builder.Append("_0");
            }
            else if (char.IsLetter(c) || (char.IsDigit(c) && !(i == 0 && c is >= '0' and <= '9')))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("_7").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }
    }
}
