namespace OciRaw;

/// <summary>
/// Binds a parameter to a request header, e.g. <c>[OciHeader("opc-retry-token")]</c> (null values are not sent), or a
/// property of a result class to a response header. <c>[OciHeader("opc-meta-*")]</c> on a string dictionary sends or
/// collects every header with that prefix.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class OciHeaderAttribute(string name) : Attribute
{
    /// <summary>The header name, or a prefix followed by <c>*</c>.</summary>
    public string Name { get; } = name;
}
