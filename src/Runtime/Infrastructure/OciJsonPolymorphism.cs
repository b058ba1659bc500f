using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// What generated readers and writers of <c>[JsonPolymorphic]</c> / <c>[JsonDerivedType]</c> bases share: finding the
/// type discriminator wherever it stands in the object, and the errors for values the base does not list.
/// Public only so generated code can call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciJsonPolymorphism
{
    /// <summary>
    /// Looks through the object the reader is on (at its <c>{</c>) for the member <paramref name="propertyName"/>, on a
    /// copy of the reader, so <paramref name="reader"/> itself does not move and the derived type's reader then reads the
    /// object from its start. True with <paramref name="discriminator"/> on the member's value (a string or a number);
    /// false when the object has no such member.
    /// </summary>
    /// <remarks>
    /// System.Text.Json needs the discriminator to be the first member; OCI puts it anywhere. Reading ahead on a copy
    /// of the reader (a struct over the fully buffered response) costs one pass over the members up to the
    /// discriminator, skipping their values without materialising them, and allocates nothing: cheaper than buffering
    /// the members read before the discriminator and replaying them into the derived type. When the discriminator comes
    /// first, as System.Text.Json writes it, the look-ahead stops at once. The first discriminator found decides.
    /// </remarks>
    public static bool FindDiscriminator(ref Utf8JsonReader reader, ReadOnlySpan<byte> propertyName, string expectedType, out Utf8JsonReader discriminator)
    {
        Utf8JsonReader scan = reader;
        Utf8JsonReader name = default; // on the member being looked at, so an error can name it without a string per member
        try
        {
            while (true)
            {
                OciJsonReader.Next(ref scan, expectedType);
                if (scan.TokenType == JsonTokenType.EndObject)
                {
                    discriminator = default;
                    return false;
                }

                name = scan;
                bool found = scan.ValueTextEquals(propertyName);
                OciJsonReader.Next(ref scan, expectedType);
                if (found)
                {
                    if (scan.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                    {
                        throw new OciJsonException($"a type discriminator must be a string or a number, but this one is {Describe(scan.TokenType)}", expectedType);
                    }

                    discriminator = scan;
                    return true;
                }

                if (!scan.TrySkip())
                {
                    throw new OciJsonException("the document ends too early", expectedType);
                }

                name = default;
            }
        }
        catch (OciJsonException e)
        {
            OciJsonErrors.AddProperty(e, MemberName(ref name));
            throw;
        }
        catch (Exception e) when (OciJsonErrors.IsReadError(e))
        {
            throw OciJsonErrors.AtProperty(e, MemberName(ref name), expectedType);
        }
    }

    private static string? MemberName(ref Utf8JsonReader name) => name.TokenType == JsonTokenType.PropertyName ? name.GetString() : null;

    /// <summary>
    /// The error for a discriminator value the base lists no type for (and may not fall back on), naming the value and
    /// the known ones; its path ends at the discriminator.
    /// </summary>
    public static OciJsonException UnknownDiscriminator(ref Utf8JsonReader discriminator, string propertyName, string expectedType, string knownValues)
    {
        string value = discriminator.TokenType == JsonTokenType.String
            ? "'" + discriminator.GetString() + "'"
            : Encoding.UTF8.GetString(discriminator.ValueSpan);
        var error = new OciJsonException(
            $"the type discriminator '{propertyName}' is {value}, which is not one of the known values {knownValues}", expectedType);
        error.PrependSegment("." + propertyName);
        return error;
    }

    /// <summary>The error for an object without the discriminator when the base cannot stand for it (it is abstract).</summary>
    public static OciJsonException MissingDiscriminator(string propertyName, string expectedType, string knownValues) =>
        new($"the object has no type discriminator '{propertyName}', which the abstract {expectedType} needs to choose its type (one of {knownValues})", expectedType);

    /// <summary>
    /// The error for writing a value whose runtime type the base does not list (<c>UnknownDerivedTypeHandling =
    /// FailSerialization</c>, the default); a <see cref="NotSupportedException"/>, as System.Text.Json throws.
    /// </summary>
    public static NotSupportedException UnknownDerivedType(string baseType, Type runtimeType)
    {
        ArgumentNullException.ThrowIfNull(runtimeType);
        return new NotSupportedException(
            $"The runtime type '{runtimeType}' is not a [JsonDerivedType] of '{baseType}', so it has no JSON form there. List it on '{baseType}', "
            + "or set UnknownDerivedTypeHandling on its [JsonPolymorphic] to FallBackToBaseType or FallBackToNearestAncestor.");
    }

    private static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => tokenType.ToString(),
    };
}
