using System.ComponentModel;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// How generated deserializers report a bad value. The reader that meets the bad token turns the low-level error into
/// an <see cref="OciJsonException"/> once (<c>AtProperty</c>, <c>AtIndex</c>, <c>AtKey</c>); every enclosing reader only
/// adds its path segment (<c>AddProperty</c>, <c>AddIndex</c>, <c>AddKey</c>) and rethrows with <c>throw;</c>, so the
/// stack trace still ends where the value was read, as System.Text.Json's <c>ReadCore</c> does.
/// Public only so generated code can call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciJsonErrors
{
    /// <summary>True for the low-level exceptions a deserializer turns into an <see cref="OciJsonException"/>.</summary>
    public static bool IsReadError(Exception exception) =>
        exception is JsonException or InvalidOperationException or FormatException or OverflowException;

    /// <summary>Wraps a low-level read error met while reading the property <paramref name="propertyName"/>.</summary>
    public static OciJsonException AtProperty(Exception exception, string? propertyName, string expectedType) =>
        Wrap(exception, PropertySegment(propertyName), expectedType);

    /// <summary>Wraps a low-level read error met while reading the array item at <paramref name="index"/>.</summary>
    public static OciJsonException AtIndex(Exception exception, int index, string expectedType) =>
        Wrap(exception, IndexSegment(index), expectedType);

    /// <summary>Wraps a low-level read error met while reading the dictionary value of <paramref name="key"/>.</summary>
    public static OciJsonException AtKey(Exception exception, string? key, string expectedType) =>
        Wrap(exception, KeySegment(key), expectedType);

    /// <summary>Adds the property being read to the path of an error passing through.</summary>
    public static void AddProperty(OciJsonException exception, string? propertyName) =>
        Require(exception).PrependSegment(PropertySegment(propertyName));

    /// <summary>Adds the array index being read to the path of an error passing through.</summary>
    public static void AddIndex(OciJsonException exception, int index) =>
        Require(exception).PrependSegment(IndexSegment(index));

    /// <summary>Adds the dictionary key being read to the path of an error passing through.</summary>
    public static void AddKey(OciJsonException exception, string? key) =>
        Require(exception).PrependSegment(KeySegment(key));

    private static OciJsonException Wrap(Exception exception, string segment, string expectedType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var result = new OciJsonException(exception.Message, expectedType, exception);
        result.PrependSegment(segment);
        return result;
    }

    private static OciJsonException Require(OciJsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception;
    }

    private static string PropertySegment(string? propertyName) => propertyName is null ? string.Empty : "." + propertyName;

    private static string IndexSegment(int index) => $"[{index}]";

    private static string KeySegment(string? key) => key is null ? string.Empty : $"['{key}']";
}
