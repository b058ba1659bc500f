using OciRaw.Cli.Json;

namespace OciRaw.Cli.JmesPath;

/// <summary>
/// A compiled JMESPath expression (jmespath.org), the language of the OCI CLI's --query. Written here rather than
/// taken from JmesPath.Net, which needs Newtonsoft.Json and so is neither trimming- nor NativeAOT-clean; the
/// jmespath.test compliance suite runs against it (tests/Cli.Tests/jmespath).
/// </summary>
internal sealed class JmesPathExpression
{
    private readonly JmesPathNode _root;

    private JmesPathExpression(string text, JmesPathNode root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    /// <exception cref="JmesPathException">The expression is not valid JMESPath (Kind "syntax", "unknown-function", "invalid-arity").</exception>
    public static JmesPathExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new(expression, JmesPathParser.Parse(expression));
    }

    /// <exception cref="JmesPathException">A function got a value of the wrong type, or a slice step is 0.</exception>
    public JsonItem Search(JsonItem value) => JmesPathInterpreter.Visit(_root, value);

    public override string ToString() => Text;
}
