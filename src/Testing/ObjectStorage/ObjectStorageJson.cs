using System.Globalization;
using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>The Object Storage models the emulator answers with, shaped as in OCI's SDKs (Bucket, BucketSummary, MultipartUpload, MultipartUploadPartSummary).</summary>
internal static class ObjectStorageJson
{
    public const string StandardTier = "Standard";

    /// <summary>RFC 3339 in UTC with milliseconds, as OCI writes times.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 7231 (<c>last-modified</c>).</summary>
    public static string HttpDate(DateTimeOffset time) => time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    public static void WriteBucket(Utf8JsonWriter writer, EmulatedBucket bucket, long? approximateCount, long? approximateSize)
    {
        writer.WriteStartObject();
        WriteBucketSummaryMembers(writer, bucket);
        writer.WritePropertyName("metadata");
        EmulatorJson.WriteObjectOrEmpty(writer, bucket.Metadata);
        writer.WriteString("publicAccessType", "NoPublicAccess");
        writer.WriteString("storageTier", StandardTier);
        writer.WriteBoolean("objectEventsEnabled", false);
        writer.WriteNull("kmsKeyId");
        writer.WriteNull("objectLifecyclePolicyEtag");
        WriteNumberOrNull(writer, "approximateCount", approximateCount);
        WriteNumberOrNull(writer, "approximateSize", approximateSize);
        writer.WriteBoolean("replicationEnabled", false);
        writer.WriteBoolean("isReadOnly", false);
        writer.WriteString("id", bucket.Id);
        writer.WriteString("versioning", "Disabled");
        writer.WriteString("autoTiering", "Disabled");
        writer.WriteEndObject();
    }

    public static void WriteBucketSummary(Utf8JsonWriter writer, EmulatedBucket bucket)
    {
        writer.WriteStartObject();
        WriteBucketSummaryMembers(writer, bucket);
        writer.WriteEndObject();
    }

    public static void WriteUpload(Utf8JsonWriter writer, MultipartUpload upload)
    {
        writer.WriteStartObject();
        writer.WriteString("namespace", upload.Namespace);
        writer.WriteString("bucket", upload.Bucket);
        writer.WriteString("object", upload.ObjectName);
        writer.WriteString("uploadId", upload.UploadId);
        writer.WriteString("timeCreated", Time(upload.TimeCreated));
        writer.WriteString("storageTier", StandardTier);
        writer.WriteEndObject();
    }

    public static void WritePart(Utf8JsonWriter writer, UploadedPart part)
    {
        writer.WriteStartObject();
        writer.WriteString("etag", part.ETag);
        writer.WriteString("md5", part.Blob.Md5Base64);
        writer.WriteNumber("size", part.Blob.Length);
        writer.WriteNumber("partNumber", part.PartNumber);
        writer.WriteEndObject();
    }

    private static void WriteBucketSummaryMembers(Utf8JsonWriter writer, EmulatedBucket bucket)
    {
        writer.WriteString("namespace", bucket.Namespace);
        writer.WriteString("name", bucket.Name);
        writer.WriteString("compartmentId", bucket.CompartmentId);
        writer.WriteString("createdBy", bucket.CreatedBy);
        writer.WriteString("timeCreated", Time(bucket.TimeCreated));
        writer.WriteString("etag", bucket.ETag);
        writer.WritePropertyName("freeformTags");
        EmulatorJson.WriteObjectOrEmpty(writer, bucket.FreeformTags);
        writer.WritePropertyName("definedTags");
        EmulatorJson.WriteObjectOrEmpty(writer, null);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is long number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
