namespace OciRaw;

/// <summary>
/// On a parameter: the request body (POST, PUT and PATCH only; one per method), sent as JSON, or as is for a
/// <c>Stream</c>, <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>HttpContent</c>. On a property of a result
/// class: the response body (JSON-read, or a <c>Stream</c>, <c>byte[]</c> or <c>string</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class OciBodyAttribute : Attribute;
