namespace OciRaw;

/// <summary>
/// Binds a parameter to a query parameter, named after the parameter or <paramref name="name"/>. Null values are left
/// out; collections repeat the key unless <see cref="CollectionFormat"/> says <see cref="OciCollectionFormat.Csv"/>;
/// numbers, booleans, enums and dates are formatted invariantly.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class OciQueryAttribute(string? name = null) : Attribute
{
    /// <summary>The query parameter name on the wire; null means the C# parameter name.</summary>
    public string? Name { get; } = name;

    /// <summary>How a collection is sent: the name repeated per item (the default) or the items joined with commas.</summary>
    public OciCollectionFormat CollectionFormat { get; set; }
}
