using System.Collections.Generic;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Emitting;

/// <summary>
/// The names of the locals a serializer keeps per member, after the member: <c>__email</c> holds the value of
/// <c>Email</c>, <c>__hasEmail</c> says whether the JSON had it. A name that another member's local already took
/// (<c>Email</c> and <c>email</c>, or <c>HasEmail</c> next to <c>Email</c>) or that one of the serializer's own locals
/// uses (<c>__member</c>, <c>__result</c>, <c>__item</c>, <c>__innerItem</c>, ...) gets <c>_</c> and the member's index appended, so
/// generated code never declares the same local twice.
/// </summary>
internal sealed class MemberLocals
{
    /// <summary>
    /// Locals the object emitters declare next to the members' own, besides the nested collection code's
    /// (<see cref="EmittedNames.IsNested"/>). The polymorphic dispatch's locals (<c>__type</c>, <c>__discriminator</c>)
    /// live in methods without member locals.
    /// </summary>
    private static readonly string[] Reserved = ["__member", "__result", "__defaults"];

    private readonly string[] _values;
    private readonly string[] _flags;

    public MemberLocals(EquatableArray<JsonPropertyModel> properties)
    {
        _values = new string[properties.Count];
        _flags = new string[properties.Count];
        // A dictionary for its capacity (netstandard2.0's HashSet has none): every member adds two names.
        var used = new Dictionary<string, bool>(2 * properties.Count, System.StringComparer.Ordinal);
        for (int i = 0; i < properties.Count; i++)
        {
            string name = properties[i].Name;
            _values[i] = Unique("__" + char.ToLowerInvariant(name[0]) + name.Substring(1), i, used);
            _flags[i] = Unique("__has" + char.ToUpperInvariant(name[0]) + name.Substring(1), i, used);
        }
    }

    /// <summary>The local holding member <paramref name="index"/>'s value.</summary>
    public string Value(int index) => _values[index];

    /// <summary>The local saying whether member <paramref name="index"/> was in the JSON.</summary>
    public string Has(int index) => _flags[index];

    private static string Unique(string candidate, int index, Dictionary<string, bool> used)
    {
        string name = candidate;
        while (IsReserved(name) || used.ContainsKey(name))
        {
            name += "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        used.Add(name, true);
        return name;
    }

    private static bool IsReserved(string name) => System.Array.IndexOf(Reserved, name) >= 0 || EmittedNames.IsNested(name);
}
