using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>
/// The namespaces, buckets, objects and multipart uploads of every emulated tenancy. Metadata lives in memory under one
/// lock; bytes live in files under <see cref="Directory"/> (deleted with the emulator) and are never read while the lock
/// is held. Conditional writes (<c>if-match</c>, <c>if-none-match: *</c>) are decided under the lock, after the bytes
/// have arrived, so two racing writers cannot both win.
/// </summary>
internal sealed class ObjectStore(string directory, TimeProvider clock)
{
    private const string NamespaceAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, string> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Bucket), EmulatedBucket> _buckets = [];

    /// <summary>Where object and part bytes are kept.</summary>
    public string Directory { get; } = System.IO.Directory.CreateDirectory(directory).FullName;

    public TimeProvider Clock => clock;

    /// <summary>The tenancy's Object Storage namespace: 12 random lowercase characters, as OCI's look.</summary>
    public string NamespaceOf(string tenancy) => _namespaces.GetOrAdd(tenancy, _ => RandomNamespace());

    /// <summary>Gives a reopened tenancy the namespace it had in an earlier run (before anyone asked for it in this one).</summary>
    public void AdoptNamespace(string tenancy, string ns)
    {
        if (!_namespaces.TryAdd(tenancy, ns) && _namespaces[tenancy] != ns)
        {
            throw new InvalidOperationException($"Tenancy {tenancy} already has the Object Storage namespace {_namespaces[tenancy]} in this emulator, not {ns}.");
        }
    }

    // ---- buckets ------------------------------------------------------------------------------------------------

    public (ObjectStorageOutcome Outcome, EmulatedBucket? Bucket) CreateBucket(
        string ns, string name, string compartmentId, string createdBy, JsonElement? metadata, JsonElement? freeformTags)
    {
        lock (_gate)
        {
            if (_buckets.ContainsKey((ns, name)))
            {
                return (ObjectStorageOutcome.BucketAlreadyExists, null);
            }

            var bucket = new EmulatedBucket(ns, name, compartmentId, createdBy, clock.GetUtcNow(), metadata, freeformTags);
            _buckets.Add((ns, name), bucket);
            return (ObjectStorageOutcome.Done, bucket);
        }
    }

    /// <summary>The bucket and its object count and total size (for <c>fields=approximateCount,approximateSize</c>).</summary>
    public (EmulatedBucket? Bucket, long Count, long Size) GetBucket(string ns, string name)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue((ns, name), out EmulatedBucket? bucket)
                ? (bucket, bucket.Objects.Count, bucket.Objects.Values.Sum(o => o.Blob.Length))
                : (null, 0, 0);
        }
    }

    /// <summary>The compartment's buckets by name, after <paramref name="afterName"/>, and whether more follow.</summary>
    public (List<EmulatedBucket> Page, bool More) ListBuckets(string ns, string compartmentId, string? afterName, int limit)
    {
        lock (_gate)
        {
            List<EmulatedBucket> all = _buckets.Values
                .Where(b => b.Namespace == ns && b.CompartmentId == compartmentId && (afterName is null || string.CompareOrdinal(b.Name, afterName) > 0))
                .OrderBy(b => b.Name, StringComparer.Ordinal)
                .ToList();
            return (all.Take(limit).ToList(), all.Count > limit);
        }
    }

    public ObjectStorageOutcome DeleteBucket(string ns, string name, string? ifMatch)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue((ns, name), out EmulatedBucket? bucket))
            {
                return ObjectStorageOutcome.BucketNotFound;
            }

            if (ifMatch is not null && ifMatch != bucket.ETag)
            {
                return ObjectStorageOutcome.IfMatchFailed;
            }

            // OCI refuses to delete a bucket that still holds objects or unfinished multipart uploads.
            if (bucket.Objects.Count > 0 || bucket.Uploads.Count > 0)
            {
                return ObjectStorageOutcome.BucketNotEmpty;
            }

            _buckets.Remove((ns, name));
            return ObjectStorageOutcome.Done;
        }
    }

    // ---- objects ------------------------------------------------------------------------------------------------

    public (ObjectStorageOutcome Outcome, StoredObject? Object) GetObject(string ns, string bucketName, string objectName)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue((ns, bucketName), out EmulatedBucket? bucket))
            {
                return (ObjectStorageOutcome.BucketNotFound, null);
            }

            return bucket.Objects.TryGetValue(objectName, out StoredObject? stored) ? (ObjectStorageOutcome.Done, stored) : (ObjectStorageOutcome.ObjectNotFound, null);
        }
    }

    /// <summary>
    /// Stores <paramref name="stored"/> when the preconditions hold (the replaced object's file is deleted); otherwise
    /// the caller still owns the new blob and deletes it.
    /// </summary>
    public ObjectStorageOutcome PutObject(string ns, string bucketName, StoredObject stored, string? ifMatch, bool ifNoneMatchAny)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue((ns, bucketName), out EmulatedBucket? bucket))
            {
                return ObjectStorageOutcome.BucketNotFound;
            }

            bucket.Objects.TryGetValue(stored.Name, out StoredObject? current);
            if (Precondition(current, ifMatch, ifNoneMatchAny) is { } failed)
            {
                return failed;
            }

            bucket.Objects[stored.Name] = current is null ? stored : stored with { TimeCreated = current.TimeCreated };
            current?.Blob.Delete();
            return ObjectStorageOutcome.Done;
        }
    }

    public ObjectStorageOutcome DeleteObject(string ns, string bucketName, string objectName, string? ifMatch)
    {
        lock (_gate)
        {
            (ObjectStorageOutcome outcome, StoredObject? current) = GetObject(ns, bucketName, objectName);
            if (current is null)
            {
                return outcome;
            }

            if (ifMatch is not null && ifMatch != "*" && ifMatch != current.ETag)
            {
                return ObjectStorageOutcome.IfMatchFailed;
            }

            _buckets[(ns, bucketName)].Objects.Remove(objectName);
            current.Blob.Delete();
            return ObjectStorageOutcome.Done;
        }
    }

    /// <summary>Runs <paramref name="read"/> over the bucket's objects in name order, under the lock (it must not do I/O).</summary>
    public (ObjectStorageOutcome Outcome, T? Result) ReadObjects<T>(string ns, string bucketName, Func<IReadOnlyCollection<StoredObject>, T> read)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue((ns, bucketName), out EmulatedBucket? bucket)
                ? (ObjectStorageOutcome.Done, read(bucket.Objects.Values))
                : (ObjectStorageOutcome.BucketNotFound, default);
        }
    }

    /// <summary>Renames an object (same bytes, a new ETag); the preconditions are RenameObjectDetails' ETag fields.</summary>
    public (ObjectStorageOutcome Outcome, StoredObject? Renamed) RenameObject(
        string ns, string bucketName, string sourceName, string newName, string? sourceIfMatch, string? newIfMatch, bool newIfNoneMatchAny)
    {
        lock (_gate)
        {
            (ObjectStorageOutcome outcome, StoredObject? source) = GetObject(ns, bucketName, sourceName);
            if (source is null)
            {
                return (outcome, null);
            }

            if (sourceIfMatch is not null && sourceIfMatch != source.ETag)
            {
                return (ObjectStorageOutcome.IfMatchFailed, null);
            }

            EmulatedBucket bucket = _buckets[(ns, bucketName)];
            bucket.Objects.TryGetValue(newName, out StoredObject? replaced);
            if (Precondition(replaced, newIfMatch, newIfNoneMatchAny) is { } failed)
            {
                return (failed, null);
            }

            StoredObject renamed = source with { Name = newName, ETag = StoredObject.NewETag(), TimeModified = clock.GetUtcNow() };
            bucket.Objects.Remove(sourceName);
            bucket.Objects[newName] = renamed;
            if (replaced is not null && !ReferenceEquals(replaced, source))
            {
                replaced.Blob.Delete();
            }

            return (ObjectStorageOutcome.Done, renamed);
        }
    }

    // ---- multipart uploads --------------------------------------------------------------------------------------

    public (ObjectStorageOutcome Outcome, MultipartUpload? Upload) CreateUpload(string ns, string bucketName, string objectName, ObjectContentHeaders headers)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue((ns, bucketName), out EmulatedBucket? bucket))
            {
                return (ObjectStorageOutcome.BucketNotFound, null);
            }

            var upload = new MultipartUpload(ns, bucketName, objectName, headers, clock.GetUtcNow());
            bucket.Uploads.Add(upload.UploadId, upload);
            return (ObjectStorageOutcome.Done, upload);
        }
    }

    /// <summary>Adds or replaces a part; when the upload is gone (or being committed) the caller deletes the blob.</summary>
    public (ObjectStorageOutcome Outcome, UploadedPart? Part) PutPart(string ns, string bucketName, string objectName, string uploadId, int partNumber, BlobFile blob)
    {
        lock (_gate)
        {
            (ObjectStorageOutcome outcome, MultipartUpload? upload) = FindUpload(ns, bucketName, objectName, uploadId);
            if (upload is null || upload.Committing)
            {
                return (upload is null ? outcome : ObjectStorageOutcome.UploadNotFound, null);
            }

            var part = new UploadedPart(partNumber, blob, StoredObject.NewETag());
            if (upload.Parts.TryGetValue(partNumber, out UploadedPart? earlier))
            {
                earlier.Blob.Delete();
            }

            upload.Parts[partNumber] = part;
            return (ObjectStorageOutcome.Done, part);
        }
    }

    /// <summary>A snapshot of the upload's parts in number order.</summary>
    public (ObjectStorageOutcome Outcome, List<UploadedPart>? Parts) ListParts(string ns, string bucketName, string objectName, string uploadId)
    {
        lock (_gate)
        {
            (ObjectStorageOutcome outcome, MultipartUpload? upload) = FindUpload(ns, bucketName, objectName, uploadId);
            return upload is null || upload.Committing ? (upload is null ? outcome : ObjectStorageOutcome.UploadNotFound, null) : (ObjectStorageOutcome.Done, upload.Parts.Values.ToList());
        }
    }

    /// <summary>
    /// Takes the upload for a commit: from now on it accepts no parts and no second commit. Returns its parts by number;
    /// the caller validates the commit list, joins the bytes (outside the lock) and then calls
    /// <see cref="FinishCommit"/> or <see cref="CancelCommit"/>.
    /// </summary>
    public (ObjectStorageOutcome Outcome, MultipartUpload? Upload) BeginCommit(string ns, string bucketName, string objectName, string uploadId)
    {
        lock (_gate)
        {
            (ObjectStorageOutcome outcome, MultipartUpload? upload) = FindUpload(ns, bucketName, objectName, uploadId);
            if (upload is null || upload.Committing)
            {
                return (upload is null ? outcome : ObjectStorageOutcome.UploadNotFound, null);
            }

            upload.Committing = true;
            return (ObjectStorageOutcome.Done, upload);
        }
    }

    public void CancelCommit(MultipartUpload upload)
    {
        lock (_gate)
        {
            upload.Committing = false;
        }
    }

    /// <summary>Stores the joined object when the preconditions hold and ends the upload, deleting its part files.</summary>
    public ObjectStorageOutcome FinishCommit(MultipartUpload upload, StoredObject stored, string? ifMatch, bool ifNoneMatchAny)
    {
        lock (_gate)
        {
            ObjectStorageOutcome outcome = PutObject(upload.Namespace, upload.Bucket, stored, ifMatch, ifNoneMatchAny);
            if (outcome != ObjectStorageOutcome.Done)
            {
                upload.Committing = false;
                return outcome;
            }

            EndUpload(upload);
            return outcome;
        }
    }

    public ObjectStorageOutcome AbortUpload(string ns, string bucketName, string objectName, string uploadId)
    {
        lock (_gate)
        {
            (ObjectStorageOutcome outcome, MultipartUpload? upload) = FindUpload(ns, bucketName, objectName, uploadId);
            if (upload is null || upload.Committing)
            {
                return upload is null ? outcome : ObjectStorageOutcome.UploadNotFound;
            }

            EndUpload(upload);
            return ObjectStorageOutcome.Done;
        }
    }

    private void EndUpload(MultipartUpload upload)
    {
        if (_buckets.TryGetValue((upload.Namespace, upload.Bucket), out EmulatedBucket? bucket))
        {
            bucket.Uploads.Remove(upload.UploadId);
        }

        foreach (UploadedPart part in upload.Parts.Values)
        {
            part.Blob.Delete();
        }
    }

    private (ObjectStorageOutcome Outcome, MultipartUpload? Upload) FindUpload(string ns, string bucketName, string objectName, string uploadId)
    {
        if (!_buckets.TryGetValue((ns, bucketName), out EmulatedBucket? bucket))
        {
            return (ObjectStorageOutcome.BucketNotFound, null);
        }

        return bucket.Uploads.TryGetValue(uploadId, out MultipartUpload? upload) && upload.ObjectName == objectName
            ? (ObjectStorageOutcome.Done, upload)
            : (ObjectStorageOutcome.UploadNotFound, null);
    }

    /// <summary>The <c>if-match</c> / <c>if-none-match: *</c> check of a write onto <paramref name="current"/> (null: absent).</summary>
    private static ObjectStorageOutcome? Precondition(StoredObject? current, string? ifMatch, bool ifNoneMatchAny)
    {
        if (ifNoneMatchAny && current is not null)
        {
            return ObjectStorageOutcome.IfNoneMatchFailed;
        }

        if (ifMatch is not null && ifMatch != current?.ETag)
        {
            return ObjectStorageOutcome.IfMatchFailed;
        }

        return null;
    }

    private static string RandomNamespace() => string.Create(12, 0, static (chars, _) =>
    {
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = NamespaceAlphabet[RandomNumberGenerator.GetInt32(NamespaceAlphabet.Length)];
        }
    });
}
