using System.Collections.Generic;
using System.Text;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// The rule for the names generated code gives its helpers and locals: after what they hold, never a counter, so a
/// person stepping through sees <c>__ReadUser</c> and <c>__item</c> rather than <c>__Read1</c> and <c>__item0</c>.
/// <list type="bullet">
/// <item>A type's word is its simple name (<c>User</c>), with its shape around it (<c>UserList</c>, <c>IntArray</c>,
/// <c>NullableLong</c>, <c>StringDictionary</c>, <c>PageOfItem</c>); <see cref="Claim"/> falls back to the namespace-qualified
/// word (<c>OtherUser</c>) when two types share a simple name, and to a <c>_2</c>, <c>_3</c>... suffix only if that is
/// taken too.</item>
/// <item>A local of nested collection code is named after its role, with <c>inner</c> once per level of nesting
/// (<c>__item</c>, <c>__innerItem</c>, <c>__innerInnerItem</c>): an inner loop's locals live in the outer loop's scope,
/// where C# forbids reusing a name.</item>
/// </list>
/// </summary>
internal sealed class EmittedNames
{
    /// <summary>The roles of the locals <see cref="ValueCode"/> declares per nesting level.</summary>
    public static readonly string[] NestedRoles = ["list", "item", "map", "key", "value", "pair", "nonNull", "error"];

    private readonly HashSet<string> _taken;
    private readonly Dictionary<(object Key, string Prefix), string> _claimed = new();

    /// <param name="reserved">Names in scope where the claimed names are used (a method's parameters), which a claimed name must not hide behind.</param>
    public EmittedNames(IEnumerable<string> reserved)
    {
        _taken = new HashSet<string>(reserved, System.StringComparer.Ordinal);
    }

    /// <summary>
    /// The name for <paramref name="prefix"/> + the word of <paramref name="shape"/> (<c>__ReadUser</c>): the same shape
    /// always gets the same name, and different shapes never share one.
    /// </summary>
    public string Claim(string prefix, TypeShape shape) =>
        _claimed.TryGetValue((shape, prefix), out string? known)
            ? known
            : Claim((shape, prefix), prefix + Word(shape, qualified: false), () => prefix + Word(shape, qualified: true));

    /// <summary>A local holding a value as the type <paramref name="typeName"/>: <c>__circle</c>, or <c>__shapesCircle</c>.</summary>
    public string ClaimLocal(string typeName) =>
        _claimed.TryGetValue((typeName, "__"), out string? known)
            ? known
            : Claim((typeName, "__"), "__" + Lower(TypeNameWord(typeName, qualified: false)), () => "__" + Lower(TypeNameWord(typeName, qualified: true)));

    /// <summary>Claims <paramref name="simple"/>, or the <paramref name="qualified"/> name when another shape has the simple one.</summary>
    private string Claim((object Key, string Prefix) key, string simple, System.Func<string> qualified)
    {
        string name = _taken.Contains(simple) ? qualified() : simple;
        string candidate = name;
        for (int n = 2; _taken.Contains(candidate); n++)
        {
            candidate = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _taken.Add(candidate);
        _claimed.Add(key, candidate);
        return candidate;
    }

    private static string Lower(string word) => word.Length == 0 ? word : char.ToLowerInvariant(word[0]) + word.Substring(1);

    /// <summary>The local of <paramref name="role"/> at nesting level <paramref name="depth"/>: <c>__item</c>, <c>__innerItem</c>, ...</summary>
    public static string Nested(string role, int depth)
    {
        int index = System.Array.IndexOf(NestedRoles, role);
        return index >= 0 && depth < CommonNestedNames[index].Length ? CommonNestedNames[index][depth] : BuildNested(role, depth);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a name <see cref="Nested"/> gives at some depth: <c>__</c>, then either a
    /// role or <c>inner</c>, any number of <c>Inner</c> and the capitalized role. Read in place, without building
    /// candidates: every member local of every serializer is checked.
    /// </summary>
    public static bool IsNested(string name)
    {
        if (!name.StartsWith("__", System.StringComparison.Ordinal))
        {
            return false;
        }

        if (IsRoleAt(name, 2, capitalized: false))
        {
            return true;
        }

        if (string.CompareOrdinal(name, 2, "inner", 0, 5) != 0)
        {
            return false;
        }

        int at = 7;
        while (string.CompareOrdinal(name, at, "Inner", 0, 5) == 0)
        {
            at += 5;
        }

        return IsRoleAt(name, at, capitalized: true);
    }

    /// <summary>The nested names of the first levels, which nearly all generated code uses, built once.</summary>
    private static readonly string[][] CommonNestedNames =
        System.Array.ConvertAll(NestedRoles, role => new[] { BuildNested(role, 0), BuildNested(role, 1), BuildNested(role, 2), BuildNested(role, 3) });

    private static string BuildNested(string role, int depth)
    {
        if (depth == 0)
        {
            return "__" + role;
        }

        var name = new StringBuilder("__inner");
        for (int i = 1; i < depth; i++)
        {
            name.Append("Inner");
        }

        return name.Append(char.ToUpperInvariant(role[0])).Append(role, 1, role.Length - 1).ToString();
    }

    /// <summary>Whether <paramref name="name"/> ends, from <paramref name="at"/>, with exactly one of the <see cref="NestedRoles"/>.</summary>
    private static bool IsRoleAt(string name, int at, bool capitalized)
    {
        foreach (string role in NestedRoles)
        {
            if (name.Length - at == role.Length
                && name[at] == (capitalized ? char.ToUpperInvariant(role[0]) : role[0])
                && string.CompareOrdinal(name, at + 1, role, 1, role.Length - 1) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word for a type: <c>User</c>, <c>UserList</c>, <c>NullableInt32</c>; qualified: <c>SampleIdentityUser</c>.</summary>
    public static string Word(TypeShape shape, bool qualified)
    {
        string word = shape.Kind switch
        {
            ShapeKind.Object or ShapeKind.Enum => TypeNameWord(shape.TypeName, qualified),
            ShapeKind.List => Word(shape.Element!, qualified) + "List",
            ShapeKind.Array => Word(shape.Element!, qualified) + "Array",
            ShapeKind.Dictionary => Word(shape.Element!, qualified) + "Dictionary",
            _ => ScalarWord(shape.Kind),
        };
        return shape.IsNullableValueType ? "Nullable" + word : word;
    }

    /// <summary>
    /// Scalars by their C# keyword (<c>__ReadLong</c>, not <c>__ReadInt64</c>), so no name ends in digits that could be
    /// taken for a counter.
    /// </summary>
    private static string ScalarWord(ShapeKind kind) => kind switch
    {
        ShapeKind.Int16 => "Short",
        ShapeKind.UInt16 => "UShort",
        ShapeKind.Int32 => "Int",
        ShapeKind.UInt32 => "UInt",
        ShapeKind.Int64 => "Long",
        ShapeKind.UInt64 => "ULong",
        ShapeKind.Single => "Float",
        ShapeKind.Boolean => "Bool",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The identifiers of a C# type name joined in PascalCase, without <c>global::</c> and <c>@</c>; type arguments
    /// follow <c>Of</c> and <c>And</c> (<c>Page&lt;Item&gt;</c>: <c>PageOfItem</c>). Unqualified, every dotted name keeps
    /// its last part only.
    /// </summary>
    private static string TypeNameWord(string typeName, bool qualified)
    {
        var word = new StringBuilder();
        var part = new StringBuilder();
        string text = typeName.Replace("global::", string.Empty);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                part.Append(part.Length == 0 ? char.ToUpperInvariant(c) : c);
                continue;
            }

            if (c == '.' && !qualified)
            {
                part.Clear();
                continue;
            }

            word.Append(part);
            part.Clear();
            word.Append(c switch
            {
                '<' => "Of",
                ',' => "And",
                '[' => "Array",
                _ => string.Empty,
            });
        }

        return word.Append(part).ToString();
    }
}
