namespace OciRaw.Generator.Model;

/// <summary>Names the generated code uses, in one place.</summary>
internal static class GeneratedNames
{
    public const string Namespace = "OciRaw.Generated";
    public const string ClientClass = "__OciRawClient";
    public const string GeneratorName = "OciRaw.Generator";
    public const string EndpointAttribute = "OciRaw.OciEndpointAttribute";
    public const string QueryAttribute = "OciRaw.OciQueryAttribute";
    public const string HeaderAttribute = "OciRaw.OciHeaderAttribute";
    public const string BodyAttribute = "OciRaw.OciBodyAttribute";
    public const string UnknownEnumValue = "UnknownEnumValue";
}
