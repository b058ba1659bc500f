using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>
/// A bucket: its fixed properties, and its objects and in-progress multipart uploads (guarded by the store's lock). A
/// SortedDictionary keeps object names in the byte order OCI lists them in (ordinal UTF-16 is the same order for
/// names without surrogate pairs).
/// </summary>
internal sealed class EmulatedBucket(
    string ns, string name, string compartmentId, string createdBy, DateTimeOffset timeCreated, JsonElement? metadata, JsonElement? freeformTags)
{
    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    public string Id { get; } = Ocids.New("bucket");

    public string CompartmentId { get; } = compartmentId;

    public string CreatedBy { get; } = createdBy;

    public DateTimeOffset TimeCreated { get; } = timeCreated;

    public string ETag { get; } = StoredObject.NewETag();

    public JsonElement? Metadata { get; } = metadata;

    public JsonElement? FreeformTags { get; } = freeformTags;

    public SortedDictionary<string, StoredObject> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MultipartUpload> Uploads { get; } = new(StringComparer.Ordinal);
}
