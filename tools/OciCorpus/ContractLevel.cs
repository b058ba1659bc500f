namespace OciRaw.Corpus;

/// <summary>Which syntax the writer uses for the shapes the contract ("Real OCI shapes") adds.</summary>
public enum ContractLevel
{
    /// <summary>
    /// The contract's syntax everywhere: <c>[OciService]</c>, <c>Task&lt;OciResponse&gt;</c>, header-bound results,
    /// <c>opc-meta-*</c> maps, CSV query collections, <c>ExcludeBodyFromSignature</c>, polymorphic models, <c>DateOnly</c>,
    /// item and page enumeration of collections and POST lists. This is how a user would write every operation.
    /// </summary>
    Full,

    /// <summary>
    /// Only what the runtime and generator offered before issue 9, each new shape written the nearest way that existed:
    /// <c>Task&lt;HttpResponseMessage&gt;</c> for results carried in headers, a page method with a <c>page</c> parameter for
    /// collections and POST lists, plain base classes, <c>string</c> for dates, multi query collections, no metadata maps.
    /// Lets the generator's cost be measured on the whole of OCI before the new shapes exist.
    /// </summary>
    Today,
}
