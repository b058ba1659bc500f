namespace OciRaw;

/// <summary>
/// What every generated client interface implements, so that generic code (the
/// <c>OciRaw.Extensions.DependencyInjection</c> package's <c>AddOciClient&lt;TClient&gt;</c>) can create one without
/// reflection: <c>TClient.Create(httpClient)</c> is a static call resolved at compile time, trimming- and NativeAOT-safe.
/// The generator writes both members into the partial interface; user code never implements this.
/// </summary>
/// <typeparam name="TSelf">The generated client interface itself.</typeparam>
public interface IOciClient<TSelf>
    where TSelf : class, IOciClient<TSelf>
{
    /// <summary>
    /// The <c>[OciService]</c> name (e.g. <c>identity</c>) of an interface that declares its service; null for one that
    /// does not, whose endpoint must then be given.
    /// </summary>
    static virtual string? ServiceName => null;

    /// <summary>The <c>[OciService]</c> endpoint template (<c>https://identity.{region}.oci.{secondLevelDomain}</c>), or null.</summary>
    static virtual string? EndpointTemplate => null;

    /// <summary>Creates the client over <paramref name="httpClient"/> (the generated <c>Create(HttpClient)</c>).</summary>
    static abstract TSelf CreateClient(HttpClient httpClient);
}
