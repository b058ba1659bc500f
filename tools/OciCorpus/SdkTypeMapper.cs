using OciRaw.Corpus.Description;

namespace OciRaw.Corpus;

/// <summary>
/// C# types for the SDK's type spellings (<c>str</c>, <c>int</c>, <c>list[X]</c>, <c>dict(str, X)</c>, model names) of one
/// service. OCI's enums are strings (new values appear without notice), free-form <c>object</c> is a
/// <see cref="System.Text.Json.JsonElement"/>, <c>int</c> is <c>long</c> (sizes in bytes exceed 32 bits).
/// </summary>
public sealed class SdkTypeMapper(ApiService service, ContractLevel level)
{
    public const string ListPrefix = "list[";
    public const string DictionaryPrefix = "dict(str, ";

    /// <summary>The type without nullability: <c>global::System.Collections.Generic.List&lt;Bucket&gt;</c>.</summary>
    public string Map(string sdkType)
    {
        if (TryElement(sdkType, ListPrefix, out string element))
        {
            return $"global::System.Collections.Generic.List<{Map(element)}>";
        }

        if (TryElement(sdkType, DictionaryPrefix, out element))
        {
            return $"global::System.Collections.Generic.Dictionary<string, {Map(element)}>";
        }

        return sdkType switch
        {
            "str" => "string",
            "int" => "long",
            "float" => "double",
            "bool" => "bool",
            "datetime" => "global::System.DateTimeOffset",
            "date" => level == ContractLevel.Full ? "global::System.DateOnly" : "string",
            "object" => "global::System.Text.Json.JsonElement",
            "bytes" => "byte[]",
            "stream" => "global::System.IO.Stream",
            // A name the service has no model for is one of OCI's string enums declared elsewhere.
            _ => service.Models.ContainsKey(sdkType) ? sdkType : "string",
        };
    }

    /// <summary>
    /// A model property's type, nullable (<c>long?</c>, <c>string?</c>). The SDKs' <c>stream</c> is a <c>byte[]</c> here:
    /// inside a JSON document binary data can only be a base64 string (Data Flow's ImagePngStatementOutputData.value),
    /// which is what System.Text.Json makes of a <c>byte[]</c>; a <c>Stream</c> is no JSON value.
    /// </summary>
    public string Property(string sdkType) => (sdkType == "stream" ? "byte[]" : Map(sdkType)) + "?";

    /// <summary>A query parameter's type: a collection is an <c>IEnumerable&lt;T&gt;</c> of simple values.</summary>
    public string Query(string sdkType) =>
        TryElement(sdkType, ListPrefix, out string element) ? $"global::System.Collections.Generic.IEnumerable<{Map(element)}>" : Map(sdkType);

    /// <summary>The model name a type refers to, through lists and maps; null for primitives.</summary>
    public string? ModelOf(string sdkType)
    {
        if (TryElement(sdkType, ListPrefix, out string element) || TryElement(sdkType, DictionaryPrefix, out element))
        {
            return ModelOf(element);
        }

        return service.Models.ContainsKey(sdkType) ? sdkType : null;
    }

    /// <summary>The element type of a <c>list[X]</c>.</summary>
    public static bool TryList(string sdkType, out string element) => TryElement(sdkType, ListPrefix, out element);

    private static bool TryElement(string sdkType, string prefix, out string element)
    {
        if (sdkType.StartsWith(prefix, StringComparison.Ordinal) && sdkType.EndsWith(prefix[^1] == '[' ? "]" : ")", StringComparison.Ordinal))
        {
            element = sdkType[prefix.Length..^1];
            return true;
        }

        element = string.Empty;
        return false;
    }
}
