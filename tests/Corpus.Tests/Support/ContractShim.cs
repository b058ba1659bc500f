// ContractShim: TEMPORARY. Delete this file (and its two uses in CorpusCompilation.cs) once the runtime has
// OciServiceAttribute, the non-generic OciResponse and OciCollectionFormat (issue 9, being built on other branches).
// Until then the corpus compilation gets these stand-ins so that the contract's syntax binds; each is added only while
// the runtime lacks the real type, so after the merge the shim is already inert. Members the contract adds to existing
// attributes (OciEndpoint's ExcludeBodyFromSignature, OciQuery's CollectionFormat, [OciHeader]/[OciBody] on result
// properties) cannot be shimmed: until they exist they are compiler errors on those operations, on the known list.
using System.Reflection;

namespace OciRaw.Corpus.Tests;

/// <summary>Source stand-ins for contract types the runtime does not have yet (see the file's header).</summary>
internal static class ContractShim
{
    private static readonly (string TypeName, string Source)[] StandIns =
    [
        ("OciRaw.OciServiceAttribute", """
            namespace OciRaw
            {
                [global::System.AttributeUsage(global::System.AttributeTargets.Interface)]
                public sealed class OciServiceAttribute(string service, string endpointTemplate) : global::System.Attribute
                {
                    public string Service { get; } = service;
                    public string EndpointTemplate { get; } = endpointTemplate;
                }
            }
            """),
        ("OciRaw.OciResponse", """
            namespace OciRaw
            {
                // Abstract on purpose: the generator cannot construct it (OCIRAW013), so an operation returning it does
                // not count as clean before the real OciResponse exists, rather than being read as a JSON DTO.
                public abstract class OciResponse
                {
                    public int StatusCode { get; init; }
                    public string? OpcWorkRequestId { get; init; }
                }
            }
            """),
        ("OciRaw.OciCollectionFormat", """
            namespace OciRaw
            {
                public enum OciCollectionFormat { Multi, Csv }
            }
            """),
    ];

    /// <summary>The stand-ins for the types <paramref name="runtime"/> lacks; empty once it has them all.</summary>
    public static IReadOnlyList<string> SourcesMissingFrom(Assembly runtime) =>
        StandIns.Where(s => runtime.GetType(s.TypeName) is null).Select(s => s.Source).ToArray();
}
