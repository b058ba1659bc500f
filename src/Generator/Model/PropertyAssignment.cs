namespace OciRaw.Generator.Model;

/// <summary>How a property is given its value when an object is read.</summary>
internal enum PropertyAssignment
{
    /// <summary>Serialized only (get-only and not a constructor parameter).</summary>
    None,

    /// <summary>Set after construction, only when the JSON has the member (so initializers survive).</summary>
    Setter,

    /// <summary>Assigned in the object initializer (init-only, or C# <c>required</c> without [SetsRequiredMembers]).</summary>
    Initializer,

    /// <summary>Passed to the constructor.</summary>
    Constructor,
}
