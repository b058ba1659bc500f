namespace OciRaw;

/// <summary>Sends the parameter as the JSON request body (POST, PUT and PATCH only; one per method).</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class OciBodyAttribute : Attribute;
