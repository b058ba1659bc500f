using System.Globalization;
using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>
/// ListObjects' rules: names in order from <c>start</c> (inclusive) or after <c>startAfter</c>, before <c>end</c>
/// (exclusive), under <c>prefix</c>; with <c>delimiter=/</c> the names that go deeper collapse into
/// <c>prefixes</c>; at most <c>limit</c> entries (objects and prefixes together) and <c>nextStartWith</c> naming the
/// first one left out. Summaries carry <c>name</c> plus the <c>fields</c> asked for.
/// </summary>
internal sealed class ObjectListing
{
    public const int MaxLimit = 1000;

    /// <summary>The summary fields ListObjects accepts in <c>fields</c>.</summary>
    public static readonly string[] KnownFields = ["name", "size", "etag", "timeCreated", "md5", "timeModified", "storageTier", "archivalState"];

    public string? Prefix { get; init; }

    public string? Start { get; init; }

    public string? StartAfter { get; init; }

    public string? End { get; init; }

    public string? Delimiter { get; init; }

    public int Limit { get; init; } = MaxLimit;

    public IReadOnlySet<string> Fields { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "name" };

    /// <summary>One page: the objects, the collapsed prefixes, and the name to start the next page with.</summary>
    public (List<StoredObject> Objects, List<string> Prefixes, string? NextStartWith) Page(IEnumerable<StoredObject> sortedObjects)
    {
        var objects = new List<StoredObject>();
        var prefixes = new List<string>();
        string? skipUnder = null;
        foreach (StoredObject stored in sortedObjects)
        {
            string name = stored.Name;
            if ((Prefix is not null && !name.StartsWith(Prefix, StringComparison.Ordinal))
                || (Start is not null && string.CompareOrdinal(name, Start) < 0)
                || (StartAfter is not null && string.CompareOrdinal(name, StartAfter) <= 0)
                || (skipUnder is not null && name.StartsWith(skipUnder, StringComparison.Ordinal)))
            {
                continue;
            }

            if (End is not null && string.CompareOrdinal(name, End) >= 0)
            {
                break;
            }

            if (objects.Count + prefixes.Count == Limit)
            {
                return (objects, prefixes, name);
            }

            int deeper = Delimiter is null ? -1 : name.IndexOf(Delimiter, Prefix?.Length ?? 0, StringComparison.Ordinal);
            if (deeper >= 0)
            {
                skipUnder = name[..(deeper + Delimiter!.Length)];
                prefixes.Add(skipUnder);
            }
            else
            {
                objects.Add(stored);
            }
        }

        return (objects, prefixes, null);
    }

    /// <summary>Writes <c>{"objects": [...], "prefixes": [...], "nextStartWith": ...}</c> as OCI's ListObjects model.</summary>
    public void Write(Utf8JsonWriter writer, List<StoredObject> objects, List<string> prefixes, string? nextStartWith)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("objects");
        foreach (StoredObject stored in objects)
        {
            WriteSummary(writer, stored);
        }

        writer.WriteEndArray();
        if (Delimiter is not null)
        {
            writer.WriteStartArray("prefixes");
            foreach (string prefix in prefixes)
            {
                writer.WriteStringValue(prefix);
            }

            writer.WriteEndArray();
        }

        if (nextStartWith is not null)
        {
            writer.WriteString("nextStartWith", nextStartWith);
        }

        writer.WriteEndObject();
    }

    private void WriteSummary(Utf8JsonWriter writer, StoredObject stored)
    {
        writer.WriteStartObject();
        writer.WriteString("name", stored.Name);
        if (Fields.Contains("size"))
        {
            writer.WriteNumber("size", stored.Blob.Length);
        }

        if (Fields.Contains("md5"))
        {
            writer.WriteString("md5", stored.ListedMd5);
        }

        if (Fields.Contains("timeCreated"))
        {
            writer.WriteString("timeCreated", ObjectStorageJson.Time(stored.TimeCreated));
        }

        if (Fields.Contains("etag"))
        {
            writer.WriteString("etag", stored.ETag);
        }

        if (Fields.Contains("storageTier"))
        {
            writer.WriteString("storageTier", ObjectStorageJson.StandardTier);
        }

        if (Fields.Contains("timeModified"))
        {
            writer.WriteString("timeModified", ObjectStorageJson.Time(stored.TimeModified));
        }

        writer.WriteEndObject();
    }

    /// <summary>Parses <c>limit</c>; null when valid (or absent), otherwise why not.</summary>
    public static string? TryParseLimit(string? text, out int limit)
    {
        limit = MaxLimit;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit)
            ? null
            : $"limit must be a whole number from 1 to {MaxLimit} (it is '{text}').";
    }
}
