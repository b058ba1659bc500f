namespace OciRaw;

/// <summary>
/// Marks a method of a <c>partial interface</c> as an OCI REST operation: <c>[OciEndpoint("GET /20160918/users/{userId}")]</c>.
/// The OciRaw generator implements the method and adds <c>static TInterface Create(HttpClient)</c> to the interface.
/// <c>{name}</c> in the route binds the parameter of that name; its value is escaped as one path segment.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class OciEndpointAttribute : Attribute
{
    /// <summary>Creates the attribute from <c>"VERB /path"</c>.</summary>
    public OciEndpointAttribute(string route)
    {
        Route = route;
    }

    /// <summary>The verb and path template, e.g. <c>POST /20160918/users</c>.</summary>
    public string Route { get; }

    /// <summary>
    /// Signs the request without its body (no <c>x-content-sha256</c>, <c>content-length</c> or <c>content-type</c> in
    /// the signature), as Object Storage PutObject and UploadPart require: a <c>Stream</c> body is then streamed, never
    /// buffered by the signer.
    /// </summary>
    public bool ExcludeBodyFromSignature { get; set; }
}
