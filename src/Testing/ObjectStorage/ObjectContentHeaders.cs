using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>
/// What a client says about an object's bytes and OCI gives back on GET and HEAD: the content headers and the
/// <c>opc-meta-*</c> metadata (names lowercased, prefix removed).
/// </summary>
internal sealed record ObjectContentHeaders(
    string ContentType,
    string? ContentLanguage,
    string? ContentEncoding,
    string? ContentDisposition,
    string? CacheControl,
    IReadOnlyDictionary<string, string> Metadata)
{
    public const string MetadataPrefix = "opc-meta-";
    public const string DefaultContentType = "application/octet-stream";

    /// <summary>From a PutObject request's headers.</summary>
    public static ObjectContentHeaders FromRequest(HttpRequest request)
    {
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            if (header.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase) && header.Key.Length > MetadataPrefix.Length)
            {
                metadata[header.Key[MetadataPrefix.Length..].ToLowerInvariant()] = header.Value.ToString();
            }
        }

        return new(
            NullIfEmpty(request.ContentType) ?? DefaultContentType,
            NullIfEmpty(request.Headers.ContentLanguage),
            NullIfEmpty(request.Headers.ContentEncoding),
            NullIfEmpty(request.Headers.ContentDisposition),
            NullIfEmpty(request.Headers.CacheControl),
            metadata);
    }

    /// <summary>
    /// Metadata given in a JSON body (CreateMultipartUploadDetails.metadata, CopyObjectDetails.destinationObjectMetadata):
    /// every key must start with <c>opc-meta-</c>, which is removed. Null with the metadata, or why it is invalid.
    /// </summary>
    public static string? ReadMetadata(System.Text.Json.JsonElement given, string member, out IReadOnlyDictionary<string, string> metadata)
    {
        var read = new SortedDictionary<string, string>(StringComparer.Ordinal);
        metadata = read;
        foreach (System.Text.Json.JsonProperty entry in given.EnumerateObject())
        {
            if (!entry.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase) || entry.Name.Length == MetadataPrefix.Length
                || entry.Value.ValueKind != System.Text.Json.JsonValueKind.String)
            {
                return $"The {member} key '{entry.Name}' must start with '{MetadataPrefix}' and have a string value.";
            }

            read[entry.Name[MetadataPrefix.Length..].ToLowerInvariant()] = entry.Value.GetString()!;
        }

        return null;
    }

    /// <summary>Writes the content headers and the metadata onto a GET or HEAD answer.</summary>
    public void WriteTo(HttpResponse response)
    {
        response.ContentType = ContentType;
        SetIfPresent(response, "content-language", ContentLanguage);
        SetIfPresent(response, "content-encoding", ContentEncoding);
        SetIfPresent(response, "content-disposition", ContentDisposition);
        SetIfPresent(response, "cache-control", CacheControl);
        foreach (KeyValuePair<string, string> entry in Metadata)
        {
            response.Headers[MetadataPrefix + entry.Key] = entry.Value;
        }
    }

    private static void SetIfPresent(HttpResponse response, string name, string? value)
    {
        if (value is not null)
        {
            response.Headers[name] = value;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
