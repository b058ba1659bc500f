using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>The body of CreateMultipartUpload: the object's name and the headers it will be served with.</summary>
public sealed record CreateMultipartUploadDetails([property: JsonPropertyName("object")] string ObjectName)
{
    public string? ContentType { get; init; }

    /// <summary>User metadata, keys with their <c>opc-meta-</c> prefix, as OCI's API takes them here.</summary>
    public Dictionary<string, string>? Metadata { get; init; }
}
