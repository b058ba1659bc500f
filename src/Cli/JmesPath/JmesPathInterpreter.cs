using OciRaw.Cli.Json;
using Kind = OciRaw.Cli.JmesPath.JmesPathTokenKind;
using Node = OciRaw.Cli.JmesPath.JmesPathNode;

namespace OciRaw.Cli.JmesPath;

/// <summary>Evaluates a syntax tree against a value, as jmespath.py's TreeInterpreter does.</summary>
internal static class JmesPathInterpreter
{
    public static JsonItem Visit(Node node, JsonItem value)
    {
        switch (node)
        {
            case Node.Identity or Node.Current:
                return value;
            case Node.Field field:
                return value.Field(field.Name);
            case Node.Literal literal:
                return literal.Value;
            case Node.Subexpression sub:
                JsonItem left = Visit(sub.Left, value);
                return left.Kind == JsonKind.Null ? JsonItem.Null : Visit(sub.Right, left);
            case Node.IndexExpression index:
                return Visit(index.Right, Visit(index.Left, value));
            case Node.Index index:
                return IndexOf(value, index.Value);
            case Node.Slice slice:
                return value.Kind == JsonKind.Array ? JsonItem.FromItems(SliceOf(value.Items, slice)) : JsonItem.Null;
            case Node.Projection projection:
                JsonItem list = Visit(projection.Left, value);
                return list.Kind == JsonKind.Array ? Project(list.Items, projection.Right) : JsonItem.Null;
            case Node.ValueProjection projection:
                JsonItem obj = Visit(projection.Left, value);
                return obj.Kind == JsonKind.Object ? Project([.. obj.Properties.Select(p => p.Value)], projection.Right) : JsonItem.Null;
            case Node.FilterProjection filter:
                JsonItem candidates = Visit(filter.Left, value);
                return candidates.Kind == JsonKind.Array
                    ? Project([.. candidates.Items.Where(item => Visit(filter.Condition, item).IsTruthy)], filter.Right)
                    : JsonItem.Null;
            case Node.Flatten flatten:
                JsonItem nested = Visit(flatten.Child, value);
                return nested.Kind == JsonKind.Array
                    ? JsonItem.FromItems([.. nested.Items.SelectMany(item => item.Kind == JsonKind.Array ? item.Items : [item])])
                    : JsonItem.Null;
            case Node.Pipe pipe:
                return Visit(pipe.Right, Visit(pipe.Left, value));
            case Node.Or or:
                JsonItem first = Visit(or.Left, value);
                return first.IsTruthy ? first : Visit(or.Right, value);
            case Node.And and:
                JsonItem condition = Visit(and.Left, value);
                return condition.IsTruthy ? Visit(and.Right, value) : condition;
            case Node.Not not:
                return JsonItem.FromBoolean(!Visit(not.Child, value).IsTruthy);
            case Node.Comparator comparator:
                return Compare(comparator.Operator, Visit(comparator.Left, value), Visit(comparator.Right, value));
            case Node.MultiSelectList multi:
                return value.Kind == JsonKind.Null ? JsonItem.Null : JsonItem.FromItems([.. multi.Items.Select(item => Visit(item, value))]);
            case Node.MultiSelectHash hash:
                return value.Kind == JsonKind.Null
                    ? JsonItem.Null
                    : JsonItem.FromProperties(hash.Pairs.Select(pair => new KeyValuePair<string, JsonItem>(pair.Key, Visit(pair.Value, value))));
            case Node.FunctionCall call:
                return JmesPathFunctions.Call(call, value);
            case Node.ExpressionReference:
                throw new JmesPathException("invalid-type", "An expression reference (&expr) is only allowed as a function argument.");
            default:
                throw new InvalidOperationException($"Unknown JMESPath node {node.GetType().Name}.");
        }
    }

    /// <summary>Applies <paramref name="right"/> to each element and drops the nulls (a projection).</summary>
    private static JsonItem Project(IReadOnlyList<JsonItem> items, Node right)
    {
        var collected = new List<JsonItem>(items.Count);
        foreach (JsonItem item in items)
        {
            JsonItem result = Visit(right, item);
            if (result.Kind != JsonKind.Null)
            {
                collected.Add(result);
            }
        }

        return JsonItem.FromItems(collected);
    }

    private static JsonItem IndexOf(JsonItem value, int index)
    {
        if (value.Kind != JsonKind.Array)
        {
            return JsonItem.Null;
        }

        int position = index < 0 ? value.Items.Count + index : index;
        return position >= 0 && position < value.Items.Count ? value.Items[position] : JsonItem.Null;
    }

    /// <summary>Python's list slicing (start, stop and step clamped as slice.indices does).</summary>
    private static List<JsonItem> SliceOf(IReadOnlyList<JsonItem> items, Node.Slice slice)
    {
        int step = slice.Step ?? 1;
        if (step == 0)
        {
            throw new JmesPathException("invalid-value", "A slice step cannot be 0.");
        }

        int count = items.Count;
        int start = Bound(slice.Start, count, step, step > 0 ? 0 : count - 1);
        int stop = Bound(slice.Stop, count, step, step > 0 ? count : -1);
        var result = new List<JsonItem>();
        for (int i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            result.Add(items[i]);
        }

        return result;
    }

    private static int Bound(int? value, int count, int step, int missing)
    {
        if (value is not int given)
        {
            return missing;
        }

        if (given < 0)
        {
            given += count;
            return given < 0 ? (step < 0 ? -1 : 0) : given;
        }

        return given >= count ? (step < 0 ? count - 1 : count) : given;
    }

    private static JsonItem Compare(Kind op, JsonItem left, JsonItem right)
    {
        switch (op)
        {
            case Kind.Eq:
                return JsonItem.FromBoolean(left.DeepEquals(right));
            case Kind.Ne:
                return JsonItem.FromBoolean(!left.DeepEquals(right));
        }

        if (left.Kind != JsonKind.Number || right.Kind != JsonKind.Number)
        {
            return JsonItem.Null;
        }

        int order = left.Number.CompareTo(right.Number);
        return JsonItem.FromBoolean(op switch
        {
            Kind.Lt => order < 0,
            Kind.Lte => order <= 0,
            Kind.Gt => order > 0,
            _ => order >= 0,
        });
    }
}
