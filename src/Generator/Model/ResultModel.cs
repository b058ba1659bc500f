namespace OciRaw.Generator.Model;

/// <summary>What a property of a header-bound result class is read from.</summary>
internal enum ResultMemberKind
{
    /// <summary>One header, typed by <see cref="ResultMember.Shape"/>.</summary>
    Header,

    /// <summary>Every header with the prefix <see cref="ResultMember.HeaderName"/>, prefix removed.</summary>
    HeaderMap,

    /// <summary>The body read as JSON with a generated reader.</summary>
    JsonBody,

    /// <summary>The body as a stream that keeps the response alive until disposed.</summary>
    StreamBody,

    /// <summary>The body's bytes.</summary>
    BytesBody,

    /// <summary>The body's text (a JSON string body gives its value).</summary>
    TextBody,
}

/// <summary>
/// One bound property. <see cref="Required"/>: the property is declared non-nullable, so a missing header is an error;
/// for a JSON body it says whether an empty body may read as null (the opposite).
/// </summary>
internal sealed record ResultMember(string Name, ResultMemberKind Kind, string HeaderName, TypeShape? Shape, bool Required);

/// <summary>A header-bound result class: created with an object initializer that sets every bound property.</summary>
internal sealed record ResultModel(string TypeName, string DisplayName, EquatableArray<ResultMember> Members)
{
    /// <summary>A stream body keeps the response open; every other result is read whole and the response disposed.</summary>
    public bool HasStreamBody
    {
        get
        {
            foreach (ResultMember member in Members)
            {
                if (member.Kind == ResultMemberKind.StreamBody)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
