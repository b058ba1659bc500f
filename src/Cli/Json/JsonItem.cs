using System.Globalization;

namespace OciRaw.Cli.Json;

/// <summary>
/// An immutable JSON value as the OCI CLI (Python) holds it: integers keep every digit (Python ints are unbounded),
/// other numbers are doubles (Python floats), objects keep their first-seen key order and the last value of a
/// duplicated key (json.loads). Results of JMESPath expressions are built from these without copying.
/// </summary>
internal sealed class JsonItem
{
    public static readonly JsonItem Null = new(JsonKind.Null);
    public static readonly JsonItem True = new(JsonKind.Boolean) { Boolean = true };
    public static readonly JsonItem False = new(JsonKind.Boolean);

    private static readonly JsonItem EmptyArrayValue = new(JsonKind.Array) { Items = [] };

    private JsonItem(JsonKind kind) => Kind = kind;

    public JsonKind Kind { get; }

    public bool Boolean { get; private init; }

    /// <summary>The number's value (an approximation for integers beyond 2^53).</summary>
    public double Number { get; private init; }

    /// <summary>The digits of an integer (a Python int); null for a float.</summary>
    public string? IntegerText { get; private init; }

    public string String { get; private init; } = string.Empty;

    public IReadOnlyList<JsonItem> Items { get; private init; } = [];

    public IReadOnlyList<KeyValuePair<string, JsonItem>> Properties { get; private init; } = [];

    private Dictionary<string, JsonItem>? Lookup { get; init; }

    public bool IsInteger => IntegerText is not null;

    public static JsonItem EmptyArray => EmptyArrayValue;

    public static JsonItem FromBoolean(bool value) => value ? True : False;

    public static JsonItem FromString(string value) => new(JsonKind.String) { String = value };

    public static JsonItem FromInteger(long value) => new(JsonKind.Number) { Number = value, IntegerText = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>An integer written in JSON; "-0" is Python's 0.</summary>
    public static JsonItem FromIntegerText(string digits) => new(JsonKind.Number)
    {
        Number = double.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        IntegerText = digits.TrimStart('-').All(c => c == '0') ? "0" : digits,
    };

    public static JsonItem FromDouble(double value) => new(JsonKind.Number) { Number = value };

    /// <summary>A whole double becomes an int when Python's operation would give one (math.floor, math.ceil).</summary>
    public static JsonItem FromWholeDouble(double value) =>
        Math.Abs(value) < 9.2e18 ? FromInteger((long)value) : FromIntegerText(value.ToString("F0", CultureInfo.InvariantCulture));

    public static JsonItem FromItems(IReadOnlyList<JsonItem> items) => items.Count == 0 ? EmptyArrayValue : new(JsonKind.Array) { Items = items };

    /// <summary>An object; a repeated key keeps its first position and its last value, as a Python dict does.</summary>
    public static JsonItem FromProperties(IEnumerable<KeyValuePair<string, JsonItem>> properties)
    {
        var lookup = new Dictionary<string, JsonItem>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach ((string key, JsonItem value) in properties)
        {
            if (!lookup.ContainsKey(key))
            {
                order.Add(key);
            }

            lookup[key] = value;
        }

        return new(JsonKind.Object) { Lookup = lookup, Properties = order.Select(k => new KeyValuePair<string, JsonItem>(k, lookup[k])).ToList() };
    }

    /// <summary>The value of <paramref name="key"/>, or <see cref="Null"/> (JMESPath's field on a non-object too).</summary>
    public JsonItem Field(string key) => Lookup is not null && Lookup.TryGetValue(key, out JsonItem? value) ? value : Null;

    /// <summary>JMESPath's truthiness: false, null, "", [] and {} are false.</summary>
    public bool IsTruthy => Kind switch
    {
        JsonKind.Null => false,
        JsonKind.Boolean => Boolean,
        JsonKind.String => String.Length > 0,
        JsonKind.Array => Items.Count > 0,
        JsonKind.Object => Properties.Count > 0,
        _ => true,
    };

    /// <summary>Deep equality (numbers by value, objects ignoring key order), as JMESPath's == and Python's == compare.</summary>
    public bool DeepEquals(JsonItem other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            JsonKind.Null => true,
            JsonKind.Boolean => Boolean == other.Boolean,
            JsonKind.Number => IsInteger && other.IsInteger ? IntegerText == other.IntegerText : Number.Equals(other.Number),
            JsonKind.String => string.Equals(String, other.String, StringComparison.Ordinal),
            JsonKind.Array => Items.Count == other.Items.Count && Items.Zip(other.Items).All(pair => pair.First.DeepEquals(pair.Second)),
            _ => Properties.Count == other.Properties.Count && Properties.All(p => other.Lookup!.TryGetValue(p.Key, out JsonItem? o) && p.Value.DeepEquals(o)),
        };
    }

    public override string ToString() => PythonJsonWriter.Write(this, indent: null);
}
