namespace OciRaw;

/// <summary>
/// Declares the OCI service an <c>[OciEndpoint]</c> interface calls:
/// <c>[OciService("identity", "https://identity.{region}.oci.{secondLevelDomain}")]</c>. The generator then adds
/// <c>static TInterface Create(OciSigner signer, string region, OciClientOptions? options = null)</c>, which builds the
/// whole pipeline (retry, signing) for the service's endpoint in that region. The template's placeholders are
/// <c>{region}</c>, <c>{secondLevelDomain}</c> and the option block <c>{dualStack?ifOn:ifOff}</c> (see <see cref="OciEndpointTemplate"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class OciServiceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The service's endpoint prefix, e.g. <c>identity</c>, <c>objectstorage</c>, <c>iaas</c>.</param>
    /// <param name="endpointTemplate">The endpoint template, e.g. <c>https://identity.{region}.oci.{secondLevelDomain}</c>.</param>
    public OciServiceAttribute(string name, string endpointTemplate)
    {
        Name = name;
        EndpointTemplate = endpointTemplate;
    }

    /// <summary>The service's endpoint prefix.</summary>
    public string Name { get; }

    /// <summary>The endpoint template.</summary>
    public string EndpointTemplate { get; }
}
