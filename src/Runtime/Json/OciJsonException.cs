using System.Text.Json;

namespace OciRaw;

/// <summary>
/// A JSON body could not be read into the expected type. <see cref="JsonPath"/> says where (<c>$.users[2].timeCreated</c>)
/// and <see cref="ExpectedType"/> what was expected there. Thrown by generated deserializers.
/// </summary>
public sealed class OciJsonException : JsonException
{
    private readonly string _problem;
    private readonly List<string> _reversedPath = [];

    /// <summary>Creates the exception for the value the reader is on.</summary>
    public OciJsonException(string problem, string expectedType, Exception? innerException = null)
        : base(problem, innerException)
    {
        _problem = problem;
        ExpectedType = expectedType;
    }

    /// <summary>The C# type the value was to be read as.</summary>
    public string ExpectedType { get; }

    /// <summary>Where in the document the bad value is, as a JSON path starting at <c>$</c>.</summary>
    public string JsonPath => "$" + string.Concat(Enumerable.Reverse(_reversedPath));

    /// <inheritdoc />
    public override string Message => $"Cannot read the JSON value at {JsonPath} as {ExpectedType}: {_problem}";

    /// <summary>True for the exceptions a deserializer turns into an <see cref="OciJsonException"/> with a path.</summary>
    public static bool IsReadError(Exception exception) =>
        exception is JsonException or InvalidOperationException or FormatException or OverflowException;

    /// <summary>Adds the property being read to the path of <paramref name="exception"/> (generated code calls this).</summary>
    public static OciJsonException AtProperty(Exception exception, string? propertyName, string expectedType) =>
        WithSegment(exception, propertyName is null ? string.Empty : "." + propertyName, expectedType);

    /// <summary>Adds the array index being read to the path of <paramref name="exception"/>.</summary>
    public static OciJsonException AtIndex(Exception exception, int index, string expectedType) =>
        WithSegment(exception, $"[{index}]", expectedType);

    /// <summary>Adds the dictionary key being read to the path of <paramref name="exception"/>.</summary>
    public static OciJsonException AtKey(Exception exception, string? key, string expectedType) =>
        WithSegment(exception, key is null ? string.Empty : $"['{key}']", expectedType);

    private static OciJsonException WithSegment(Exception exception, string segment, string expectedType)
    {
        OciJsonException result = exception as OciJsonException ?? new OciJsonException(exception.Message, expectedType, exception);
        if (segment.Length > 0)
        {
            result._reversedPath.Add(segment);
        }

        return result;
    }
}
