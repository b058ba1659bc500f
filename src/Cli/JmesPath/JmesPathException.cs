namespace OciRaw.Cli.JmesPath;

/// <summary>
/// A JMESPath error. <see cref="Kind"/> is the error name of the JMESPath compliance tests: syntax, invalid-type,
/// invalid-value, invalid-arity or unknown-function.
/// </summary>
internal sealed class JmesPathException(string kind, string message) : Exception(message)
{
    public string Kind { get; } = kind;

    public static JmesPathException Syntax(string expression, int position, string what) =>
        new("syntax", $"{what} at position {position} of '{expression}'");
}
