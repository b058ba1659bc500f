using System.Globalization;
using System.Text;
using OciRaw.Cli.Json;
using Node = OciRaw.Cli.JmesPath.JmesPathNode;

namespace OciRaw.Cli.JmesPath;

/// <summary>
/// The built-in functions of the JMESPath specification, with its argument types and the results Python gives
/// (sum of ints is an int, floor and ceil return ints, to_string writes compact JSON with ASCII escapes).
/// </summary>
internal static class JmesPathFunctions
{
    /// <summary>Each function's argument types ("a|b" alternatives); a trailing "..." repeats the last one (variadic).</summary>
    private static readonly Dictionary<string, string[]> Signatures = new(StringComparer.Ordinal)
    {
        ["abs"] = ["number"],
        ["avg"] = ["array-number"],
        ["ceil"] = ["number"],
        ["contains"] = ["array|string", "any"],
        ["ends_with"] = ["string", "string"],
        ["floor"] = ["number"],
        ["join"] = ["string", "array-string"],
        ["keys"] = ["object"],
        ["length"] = ["string|array|object"],
        ["map"] = ["expref", "array"],
        ["max"] = ["array-number|array-string"],
        ["max_by"] = ["array", "expref"],
        ["merge"] = ["object", "..."],
        ["min"] = ["array-number|array-string"],
        ["min_by"] = ["array", "expref"],
        ["not_null"] = ["any", "..."],
        ["reverse"] = ["string|array"],
        ["sort"] = ["array-number|array-string"],
        ["sort_by"] = ["array", "expref"],
        ["starts_with"] = ["string", "string"],
        ["sum"] = ["array-number"],
        ["to_array"] = ["any"],
        ["to_number"] = ["any"],
        ["to_string"] = ["any"],
        ["type"] = ["any"],
        ["values"] = ["object"],
    };

    /// <summary>Unknown names and wrong argument counts are found when the expression is compiled.</summary>
    public static void CheckArity(string name, int count)
    {
        if (!Signatures.TryGetValue(name, out string[]? signature))
        {
            throw new JmesPathException("unknown-function", $"Unknown function: {name}()");
        }

        bool variadic = signature[^1] == "...";
        int required = variadic ? signature.Length - 1 : signature.Length;
        if (variadic ? count < required : count != required)
        {
            throw new JmesPathException("invalid-arity", $"{name}() takes {(variadic ? "at least " : string.Empty)}{required} argument(s), {count} given");
        }
    }

    public static JsonItem Call(Node.FunctionCall call, JsonItem current)
    {
        string[] signature = Signatures[call.Name];
        var values = new JsonItem[call.Arguments.Count];
        for (int i = 0; i < call.Arguments.Count; i++)
        {
            string expected = signature[^1] == "..." && i >= signature.Length - 1 ? signature[^2] : signature[i];
            Node argument = call.Arguments[i];
            if (expected == "expref")
            {
                if (argument is not Node.ExpressionReference)
                {
                    throw TypeError(call.Name, i, expected, "a value");
                }

                continue;
            }

            if (argument is Node.ExpressionReference)
            {
                throw TypeError(call.Name, i, expected, "an expression reference");
            }

            values[i] = JmesPathInterpreter.Visit(argument, current);
            if (!Matches(values[i], expected))
            {
                throw TypeError(call.Name, i, expected, TypeName(values[i]));
            }
        }

        Node Expref(int i) => ((Node.ExpressionReference)call.Arguments[i]).Expression;
        return call.Name switch
        {
            "abs" => values[0].IsInteger && values[0].IntegerText![0] == '-' ? JsonItem.FromIntegerText(values[0].IntegerText![1..]) : values[0].IsInteger ? values[0] : JsonItem.FromDouble(Math.Abs(values[0].Number)),
            "avg" => values[0].Items.Count == 0 ? JsonItem.Null : JsonItem.FromDouble(values[0].Items.Sum(i => i.Number) / values[0].Items.Count),
            "ceil" => values[0].IsInteger ? values[0] : JsonItem.FromWholeDouble(Math.Ceiling(values[0].Number)),
            "floor" => values[0].IsInteger ? values[0] : JsonItem.FromWholeDouble(Math.Floor(values[0].Number)),
            "contains" => JsonItem.FromBoolean(values[0].Kind == JsonKind.String
                ? values[1].Kind == JsonKind.String && values[0].String.Contains(values[1].String, StringComparison.Ordinal)
                : values[0].Items.Any(item => item.DeepEquals(values[1]))),
            "ends_with" => JsonItem.FromBoolean(values[0].String.EndsWith(values[1].String, StringComparison.Ordinal)),
            "starts_with" => JsonItem.FromBoolean(values[0].String.StartsWith(values[1].String, StringComparison.Ordinal)),
            "join" => JsonItem.FromString(string.Join(values[0].String, values[1].Items.Select(i => i.String))),
            "keys" => JsonItem.FromItems([.. values[0].Properties.Select(p => JsonItem.FromString(p.Key))]),
            "values" => JsonItem.FromItems([.. values[0].Properties.Select(p => p.Value)]),
            "length" => JsonItem.FromInteger(values[0].Kind switch
            {
                JsonKind.String => values[0].String.EnumerateRunes().Count(),
                JsonKind.Array => values[0].Items.Count,
                _ => values[0].Properties.Count,
            }),
            "map" => JsonItem.FromItems([.. values[1].Items.Select(item => JmesPathInterpreter.Visit(Expref(0), item))]),
            "max" => Extreme(values[0].Items, item => item, largest: true, call.Name),
            "min" => Extreme(values[0].Items, item => item, largest: false, call.Name),
            "max_by" => Extreme(values[0].Items, item => JmesPathInterpreter.Visit(Expref(1), item), largest: true, call.Name),
            "min_by" => Extreme(values[0].Items, item => JmesPathInterpreter.Visit(Expref(1), item), largest: false, call.Name),
            "sort" => JsonItem.FromItems(SortBy(values[0].Items, item => item, call.Name)),
            "sort_by" => JsonItem.FromItems(SortBy(values[0].Items, item => JmesPathInterpreter.Visit(Expref(1), item), call.Name)),
            "merge" => JsonItem.FromProperties(values.SelectMany(v => v.Properties)),
            "not_null" => values.FirstOrDefault(v => v.Kind != JsonKind.Null) ?? JsonItem.Null,
            "reverse" => values[0].Kind == JsonKind.String
                ? JsonItem.FromString(string.Concat(values[0].String.EnumerateRunes().Reverse().Select(r => r.ToString())))
                : JsonItem.FromItems([.. values[0].Items.Reverse()]),
            "sum" => Sum(values[0].Items),
            "to_array" => values[0].Kind == JsonKind.Array ? values[0] : JsonItem.FromItems([values[0]]),
            "to_number" => ToNumber(values[0]),
            "to_string" => values[0].Kind == JsonKind.String ? values[0] : JsonItem.FromString(PythonJsonWriter.WriteCompactAscii(values[0])),
            "type" => JsonItem.FromString(TypeName(values[0])),
            _ => throw new JmesPathException("unknown-function", $"Unknown function: {call.Name}()"),
        };
    }

    private static bool Matches(JsonItem value, string expected) => expected.Split('|').Any(type => type switch
    {
        "any" => true,
        "number" => value.Kind == JsonKind.Number,
        "string" => value.Kind == JsonKind.String,
        "object" => value.Kind == JsonKind.Object,
        "array" => value.Kind == JsonKind.Array,
        "array-number" => value.Kind == JsonKind.Array && value.Items.All(i => i.Kind == JsonKind.Number),
        "array-string" => value.Kind == JsonKind.Array && value.Items.All(i => i.Kind == JsonKind.String),
        _ => false,
    });

    private static string TypeName(JsonItem value) => value.Kind switch
    {
        JsonKind.Null => "null",
        JsonKind.Boolean => "boolean",
        JsonKind.Number => "number",
        JsonKind.String => "string",
        JsonKind.Array => "array",
        _ => "object",
    };

    private static JmesPathException TypeError(string function, int index, string expected, string actual) =>
        new("invalid-type", $"{function}() argument {index + 1} must be {expected}, not {actual}");

    private static JsonItem Sum(IReadOnlyList<JsonItem> items)
    {
        if (items.All(i => i.IsInteger))
        {
            System.Numerics.BigInteger total = items.Aggregate(System.Numerics.BigInteger.Zero, (sum, i) => sum + System.Numerics.BigInteger.Parse(i.IntegerText!, CultureInfo.InvariantCulture));
            return JsonItem.FromIntegerText(total.ToString(CultureInfo.InvariantCulture));
        }

        return JsonItem.FromDouble(items.Sum(i => i.Number));
    }

    /// <summary>The keys of sort, sort_by, max_by and min_by must be all numbers or all strings.</summary>
    private static List<(JsonItem Item, JsonItem Key)> Keyed(IReadOnlyList<JsonItem> items, Func<JsonItem, JsonItem> key, string function)
    {
        var keyed = items.Select(item => (Item: item, Key: key(item))).ToList();
        if (keyed.Count > 0)
        {
            JsonKind kind = keyed[0].Key.Kind;
            if (kind is not (JsonKind.Number or JsonKind.String) || keyed.Any(k => k.Key.Kind != kind))
            {
                throw new JmesPathException("invalid-type", $"{function}() needs keys that are all numbers or all strings");
            }
        }

        return keyed;
    }

    private static int CompareKeys(JsonItem a, JsonItem b) =>
        a.Kind == JsonKind.Number ? a.Number.CompareTo(b.Number) : CodePointComparer.Instance.Compare(a.String, b.String);

    private static List<JsonItem> SortBy(IReadOnlyList<JsonItem> items, Func<JsonItem, JsonItem> key, string function) =>
        [.. Keyed(items, key, function).OrderBy(k => k.Key, Comparer<JsonItem>.Create(CompareKeys)).Select(k => k.Item)];

    private static JsonItem Extreme(IReadOnlyList<JsonItem> items, Func<JsonItem, JsonItem> key, bool largest, string function)
    {
        List<(JsonItem Item, JsonItem Key)> keyed = Keyed(items, key, function);
        if (keyed.Count == 0)
        {
            return JsonItem.Null;
        }

        (JsonItem Item, JsonItem Key) best = keyed[0];
        foreach ((JsonItem Item, JsonItem Key) candidate in keyed.Skip(1))
        {
            int order = CompareKeys(candidate.Key, best.Key);
            if (largest ? order > 0 : order < 0)
            {
                best = candidate;
            }
        }

        return best.Item;
    }

    /// <summary>Python's int(text), else float(text), else null.</summary>
    private static JsonItem ToNumber(JsonItem value)
    {
        if (value.Kind == JsonKind.Number)
        {
            return value;
        }

        if (value.Kind != JsonKind.String)
        {
            return JsonItem.Null;
        }

        string text = value.String.Trim();
        if (text.Length > 0 && text.TrimStart('-', '+').All(char.IsAsciiDigit) && text.TrimStart('-', '+').Length > 0 && text.Count(c => c is '-' or '+') <= 1)
        {
            return JsonItem.FromIntegerText(text.TrimStart('+'));
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && !text.Contains(',', StringComparison.Ordinal)
            ? JsonItem.FromDouble(number)
            : JsonItem.Null;
    }
}
