using OciRaw.Cli.Json;

namespace OciRaw.Cli.JmesPath;

/// <summary>The syntax tree of a JMESPath expression (the node types of jmespath.py's ast module).</summary>
internal abstract record JmesPathNode
{
    public sealed record Identity : JmesPathNode;

    public sealed record Current : JmesPathNode;

    public sealed record Field(string Name) : JmesPathNode;

    public sealed record Literal(JsonItem Value) : JmesPathNode;

    public sealed record Subexpression(JmesPathNode Left, JmesPathNode Right) : JmesPathNode;

    public sealed record IndexExpression(JmesPathNode Left, JmesPathNode Right) : JmesPathNode;

    public sealed record Index(int Value) : JmesPathNode;

    public sealed record Slice(int? Start, int? Stop, int? Step) : JmesPathNode;

    public sealed record Projection(JmesPathNode Left, JmesPathNode Right) : JmesPathNode;

    public sealed record ValueProjection(JmesPathNode Left, JmesPathNode Right) : JmesPathNode;

    public sealed record FilterProjection(JmesPathNode Left, JmesPathNode Right, JmesPathNode Condition) : JmesPathNode;

    public sealed record Flatten(JmesPathNode Child) : JmesPathNode;

    public sealed record Pipe(JmesPathNode Left, JmesPathNode Right) : JmesPathNode;

    public sealed record Or(JmesPathNode Left, JmesPathNode Right) : JmesPathNode;

    public sealed record And(JmesPathNode Left, JmesPathNode Right) : JmesPathNode;

    public sealed record Not(JmesPathNode Child) : JmesPathNode;

    public sealed record Comparator(JmesPathTokenKind Operator, JmesPathNode Left, JmesPathNode Right) : JmesPathNode;

    public sealed record MultiSelectList(IReadOnlyList<JmesPathNode> Items) : JmesPathNode;

    public sealed record MultiSelectHash(IReadOnlyList<KeyValuePair<string, JmesPathNode>> Pairs) : JmesPathNode;

    public sealed record FunctionCall(string Name, IReadOnlyList<JmesPathNode> Arguments) : JmesPathNode;

    public sealed record ExpressionReference(JmesPathNode Expression) : JmesPathNode;
}
