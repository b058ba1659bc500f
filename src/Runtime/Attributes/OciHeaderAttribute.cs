namespace OciRaw;

/// <summary>Binds a parameter to a request header, e.g. <c>[OciHeader("opc-retry-token")]</c>. Null values are not sent.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class OciHeaderAttribute(string name) : Attribute
{
    /// <summary>The header name.</summary>
    public string Name { get; } = name;
}
