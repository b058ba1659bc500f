using Microsoft.CodeAnalysis;

namespace OciRaw.Generator.Diagnostics;

/// <summary>Every diagnostic OciRaw reports. Each ID has a help page at docs/diagnostics/OCIRAW###.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OciRaw";

    public static readonly DiagnosticDescriptor InterfaceNotPartial = Error(
        "OCIRAW001", "Interface with [OciEndpoint] methods must be partial",
        "Interface '{0}' has [OciEndpoint] methods but is not partial; add 'partial' so OciRaw can add its Create method");

    public static readonly DiagnosticDescriptor InvalidRoute = Error(
        "OCIRAW002", "Invalid [OciEndpoint] route",
        "Route \"{0}\" is not valid: {1}");

    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = Error(
        "OCIRAW003", "Route placeholder has no parameter",
        "Route placeholder '{{{0}}}' of '{1}' matches no parameter; add a parameter named '{0}'");

    public static readonly DiagnosticDescriptor ParameterNotBound = Error(
        "OCIRAW004", "Parameter is bound nowhere",
        "Parameter '{0}' of '{1}' is not in the route and has no [OciQuery], [OciHeader] or [OciBody] attribute");

    public static readonly DiagnosticDescriptor MultipleBodies = Error(
        "OCIRAW005", "More than one [OciBody] parameter",
        "'{0}' has more than one [OciBody] parameter; a request has one body");

    public static readonly DiagnosticDescriptor BodyNotAllowed = Error(
        "OCIRAW006", "Body on a method that sends none",
        "'{0}' is a {1} endpoint, which has no request body; remove [OciBody] from '{2}'");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "OCIRAW007", "Unsupported parameter type",
        "Parameter '{0}' of '{1}' has type '{2}', which cannot be bound as {3}: {4}");

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Error(
        "OCIRAW008", "Unsupported DTO member type",
        "Member '{0}' of '{1}' has type '{2}', which OciRaw cannot serialize: {3}");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "OCIRAW009", "Unsupported return type",
        "'{0}' returns '{1}'; use Task, Task<T>, Task<OciResponse<T>>, Task<HttpResponseMessage>, Task<string>, Task<Stream> or IAsyncEnumerable<T>{2}");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "OCIRAW010", "Generic endpoint method",
        "'{0}' is generic; endpoint methods cannot have type parameters because the JSON code is generated for concrete types");

    public static readonly DiagnosticDescriptor CannotPage = Error(
        "OCIRAW011", "IAsyncEnumerable<T> on a route that cannot page",
        "'{0}' returns IAsyncEnumerable<T> but {1}; paging follows opc-next-page through the 'page' query parameter");

    public static readonly DiagnosticDescriptor DuplicateRoute = Error(
        "OCIRAW012", "Duplicate endpoint",
        "'{0}' and '{1}' both declare {2} with the same query parameters and return type");

    public static readonly DiagnosticDescriptor CannotConstruct = Error(
        "OCIRAW013", "DTO cannot be constructed",
        "'{0}' cannot be created when reading JSON: {1}");

    public static readonly DiagnosticDescriptor UnsupportedInterface = Error(
        "OCIRAW014", "Unsupported interface shape",
        "Interface '{0}' cannot get a generated client: {1}");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "OCIRAW015", "OciRaw generator failed",
        "OciRaw could not generate code for '{0}': {1}. Please report this with the interface that triggers it.");

    public static readonly DiagnosticDescriptor UnsupportedJsonAttribute = Error(
        "OCIRAW016", "Unsupported JSON attribute",
        "[{0}] on {1} is not supported by OciRaw's generated JSON code: {2}");

    public static readonly DiagnosticDescriptor ResultNotConstructible = Error(
        "OCIRAW017", "Result class cannot be created",
        "Result class '{0}' cannot be filled by the generated client: {1}");

    public static readonly DiagnosticDescriptor UnsupportedHeaderProperty = Error(
        "OCIRAW018", "Unsupported [OciHeader] property type",
        "Property '{0}' of '{1}' has type '{2}', which cannot be read from the header '{3}': {4}");

    public static readonly DiagnosticDescriptor ResultBodyConflict = Error(
        "OCIRAW019", "Conflicting result property bindings",
        "Property '{0}' of '{1}' {2}");

    public static readonly DiagnosticDescriptor UnsupportedBodyProperty = Error(
        "OCIRAW020", "Unsupported [OciBody] property type",
        "Property '{0}' of '{1}' has type '{2}', which cannot hold the response body: {3}");

    public static readonly DiagnosticDescriptor ContentHeaderWithoutRawBody = Error(
        "OCIRAW021", "Content header without a raw body",
        "Parameter '{0}' of '{1}' sets the content header '{2}', which is sent only on a raw [OciBody] (Stream, byte[], ReadOnlyMemory<byte> or HttpContent), but {3}");

    public static readonly DiagnosticDescriptor InvalidHeaderPrefix = Error(
        "OCIRAW022", "Invalid header prefix binding",
        "[OciHeader(\"{0}\")] on '{1}' is not valid: {2}");

    public static readonly DiagnosticDescriptor ExcludeBodyWithoutBody = Error(
        "OCIRAW023", "ExcludeBodyFromSignature without a body",
        "'{0}' sets ExcludeBodyFromSignature but {1}; remove it, or add the [OciBody] it is meant for");

    public static readonly DiagnosticDescriptor ResultClassAsJson = Error(
        "OCIRAW024", "Header-bound result class used as JSON",
        "'{0}' binds headers ([OciHeader]/[OciBody] properties), so it can only be the TResult of Task<TResult>, but '{1}' uses it as {2}");

    public static readonly DiagnosticDescriptor HeadReadsBody = Error(
        "OCIRAW025", "HEAD endpoint declares a response body",
        "'{0}' is a HEAD endpoint, whose response never has a body, but returns '{1}'; return Task, or Task<HttpResponseMessage> to read the headers");

    public static readonly DiagnosticDescriptor InvalidCollectionFormat = Error(
        "OCIRAW026", "CollectionFormat that cannot apply",
        "Query parameter '{0}' of '{1}' sets CollectionFormat = {2}, but {3}");

    public static readonly DiagnosticDescriptor UnsupportedPolymorphicBase = Error(
        "OCIRAW030", "Unsupported polymorphic base type",
        "'{0}' cannot be a polymorphic base type: {1}");

    public static readonly DiagnosticDescriptor UnsupportedDerivedType = Error(
        "OCIRAW031", "Unsupported derived type",
        "'{0}' cannot be a [JsonDerivedType] of '{1}': {2}");

    public static readonly DiagnosticDescriptor DuplicateDiscriminator = Error(
        "OCIRAW032", "Duplicate type discriminator",
        "The type discriminator {0} of '{1}' is already used by '{2}' on '{3}'");

    public static readonly DiagnosticDescriptor DiscriminatorNameClash = Error(
        "OCIRAW033", "Type discriminator name clashes",
        "The type discriminator name '{0}' of '{1}' {2}");

    public static readonly DiagnosticDescriptor InvalidEndpointTemplate = Error(
        "OCIRAW035", "Invalid [OciService] endpoint template",
        "Endpoint template \"{0}\" of '{1}' is not valid: {2}");

    public static readonly DiagnosticDescriptor InvalidServiceName = Error(
        "OCIRAW036", "Invalid [OciService] name",
        "Service name \"{0}\" of '{1}' is not valid: {2}");

    public static readonly DiagnosticDescriptor ServiceWithoutClient = Error(
        "OCIRAW037", "[OciService] on an interface without a generated client",
        "'{0}' has [OciService] but no generated client to create: give it [OciEndpoint] methods and declare it partial, non-generic, at namespace level");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: $"Help: docs/diagnostics/{id}.md in the OciRaw repository.");
}
