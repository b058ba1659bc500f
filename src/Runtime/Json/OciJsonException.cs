namespace OciRaw;

/// <summary>
/// A JSON body could not be read into the expected type. <see cref="JsonPath"/> says where (<c>$.users[2].timeCreated</c>)
/// and <see cref="ExpectedType"/> what was expected there. Thrown by generated deserializers; the stack trace ends in
/// the generated reader of the type that failed, and <see cref="Exception.InnerException"/> keeps the reader's own error.
/// </summary>
public sealed class OciJsonException : OciException
{
    private readonly string _problem;
    private readonly List<string> _reversedPath = [];

    /// <summary>Creates the exception for the value the reader is on.</summary>
    public OciJsonException(string problem, string expectedType, Exception? innerException = null)
        : base(problem, innerException)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(expectedType);
        _problem = problem;
        ExpectedType = expectedType;
    }

    /// <summary>The C# type the value was to be read as.</summary>
    public string ExpectedType { get; }

    /// <summary>Where in the document the bad value is, as a JSON path starting at <c>$</c>.</summary>
    public string JsonPath => "$" + string.Concat(Enumerable.Reverse(_reversedPath));

    /// <inheritdoc />
    public override string Message => $"Cannot read the JSON value at {JsonPath} as {ExpectedType}: {_problem}";

    /// <summary>
    /// Puts <paramref name="segment"/> in front of the path. Readers add their segment while the exception passes
    /// through them on its way out, innermost first, so the path is built in reverse.
    /// </summary>
    internal void PrependSegment(string segment)
    {
        if (segment.Length > 0)
        {
            _reversedPath.Add(segment);
        }
    }
}
