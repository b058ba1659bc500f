using System.Text.Json.Serialization;

namespace OciRaw.Samples.ObjectStorage.Models;

/// <summary>The body of RenameObject, with its optional preconditions on the source and the new name.</summary>
public sealed record RenameObjectDetails(string SourceName, string NewName)
{
    [JsonPropertyName("srcObjIfMatchETag")]
    public string? SourceIfMatchETag { get; init; }

    [JsonPropertyName("newObjIfMatchETag")]
    public string? NewIfMatchETag { get; init; }

    /// <summary><c>*</c>: fail if an object already has the new name.</summary>
    [JsonPropertyName("newObjIfNoneMatchETag")]
    public string? NewIfNoneMatchETag { get; init; }
}
