using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>
/// Object Storage as OCI serves it: GetNamespace, buckets (create, get, head, list, delete), and, through
/// <see cref="ObjectsApi"/>, <see cref="MultipartApi"/> and <see cref="WorkRequestsApi"/>, objects, multipart uploads,
/// CopyObject and its work request. Every route stays within the caller's own namespace.
/// </summary>
internal sealed class ObjectStorageApi
{
    private const int DefaultBucketLimit = 1000;

    private readonly ObjectStore _store;
    private readonly ObjectsApi _objects;
    private readonly MultipartApi _multipart;
    private readonly WorkRequestsApi _workRequests;

    public ObjectStorageApi(ObjectStore store)
    {
        _store = store;
        _objects = new ObjectsApi(store);
        _multipart = new MultipartApi(store);
        _workRequests = new WorkRequestsApi(store);
    }

    public Task HandleAsync(ObjectStorageCall call)
    {
        ObjectStorageRoute route = call.Route;
        string method = call.Request.Method;
        if (route.Resource == ObjectStorageResource.WorkRequest)
        {
            return HttpMethods.IsGet(method) ? _workRequests.GetAsync(call) : MethodNotAllowed(call, "GET");
        }

        string ns = _store.NamespaceOf(call.Tenancy);
        if (route.Resource == ObjectStorageResource.Namespace)
        {
            return HttpMethods.IsGet(method) ? EmulatorJson.WriteAsync(call.Context, writer => writer.WriteStringValue(ns)) : MethodNotAllowed(call, "GET");
        }

        if (route.Namespace != ns)
        {
            return ObjectStorageError.WriteAsync(call.Context, ObjectStorageOutcome.NamespaceNotFound, route);
        }

        return (route.Resource, method) switch
        {
            (ObjectStorageResource.Buckets, "POST") => CreateBucketAsync(call),
            (ObjectStorageResource.Buckets, "GET") => ListBucketsAsync(call),
            (ObjectStorageResource.Buckets, _) => MethodNotAllowed(call, "GET, POST"),
            (ObjectStorageResource.Bucket, "GET" or "HEAD") => GetBucketAsync(call),
            (ObjectStorageResource.Bucket, "DELETE") => DeleteBucketAsync(call),
            (ObjectStorageResource.Bucket, _) => MethodNotAllowed(call, "GET, HEAD, DELETE"),
            (ObjectStorageResource.Objects, "GET") => _objects.ListAsync(call),
            (ObjectStorageResource.Objects, _) => MethodNotAllowed(call, "GET"),
            (ObjectStorageResource.Object, "PUT") => _objects.PutAsync(call),
            (ObjectStorageResource.Object, "GET" or "HEAD") => _objects.GetAsync(call),
            (ObjectStorageResource.Object, "DELETE") => _objects.DeleteAsync(call),
            (ObjectStorageResource.Object, _) => MethodNotAllowed(call, "GET, HEAD, PUT, DELETE"),
            (ObjectStorageResource.RenameObject, "POST") => _objects.RenameAsync(call),
            (ObjectStorageResource.CopyObject, "POST") => _workRequests.CopyObjectAsync(call),
            (ObjectStorageResource.RenameObject or ObjectStorageResource.CopyObject, _) => MethodNotAllowed(call, "POST"),
            (ObjectStorageResource.Uploads, "POST") => _multipart.CreateAsync(call),
            (ObjectStorageResource.Uploads, _) => MethodNotAllowed(call, "POST"),
            (ObjectStorageResource.Upload, "PUT") => _multipart.UploadPartAsync(call),
            (ObjectStorageResource.Upload, "GET") => _multipart.ListPartsAsync(call),
            (ObjectStorageResource.Upload, "POST") => _multipart.CommitAsync(call),
            (ObjectStorageResource.Upload, "DELETE") => _multipart.AbortAsync(call),
            _ => MethodNotAllowed(call, "GET, PUT, POST, DELETE"),
        };
    }

    /// <summary>405 with the <c>Allow</c> header HTTP requires of it.</summary>
    private static Task MethodNotAllowed(ObjectStorageCall call, string allow)
    {
        call.Response.Headers.Allow = allow;
        return OciError.WriteAsync(call.Context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"{call.Request.Method} is not allowed on {call.Route.Template}.");
    }

    private async Task CreateBucketAsync(ObjectStorageCall call)
    {
        if (!RequestJson.TryParseObject(call.Body, out JsonElement details))
        {
            await OciError.CannotParseRequest(call.Context).ConfigureAwait(false);
            return;
        }

        var missing = new List<string>();
        string? name = RequestJson.RequiredString(details, "name", missing);
        string? compartmentId = RequestJson.RequiredString(details, "compartmentId", missing);
        if (missing.Count > 0)
        {
            await OciError.MissingFields(call.Context, missing).ConfigureAwait(false);
            return;
        }

        if (BucketNameProblem(name!) is { } problem)
        {
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "InvalidBucketName", problem).ConfigureAwait(false);
            return;
        }

        if (compartmentId != call.Tenancy)
        {
            // The emulator's tenancies have only their root compartment; another's compartments are invisible.
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "RelatedResourceNotAuthorizedOrNotFound",
                $"The compartment '{compartmentId}' was not found or you are not authorized to use it: the emulator's buckets live in the tenancy (root compartment).").ConfigureAwait(false);
            return;
        }

        ObjectStorageRoute route = call.Route with { Bucket = name };
        (ObjectStorageOutcome outcome, EmulatedBucket? bucket) = _store.CreateBucket(
            route.Namespace!, name!, compartmentId!, call.Principal, RequestJson.OptionalObject(details, "metadata"), RequestJson.OptionalObject(details, "freeformTags"));
        if (bucket is null)
        {
            await ObjectStorageError.WriteAsync(call.Context, outcome, route).ConfigureAwait(false);
            return;
        }

        call.Response.Headers.ETag = bucket.ETag;
        call.Response.Headers.Location = $"/n/{Uri.EscapeDataString(bucket.Namespace)}/b/{Uri.EscapeDataString(bucket.Name)}";
        await EmulatorJson.WriteAsync(call.Context, writer => ObjectStorageJson.WriteBucket(writer, bucket, null, null)).ConfigureAwait(false);
    }

    private async Task GetBucketAsync(ObjectStorageCall call)
    {
        (EmulatedBucket? bucket, long count, long size) = _store.GetBucket(call.Route.Namespace!, call.Route.Bucket!);
        if (bucket is null)
        {
            await ObjectStorageError.WriteAsync(call.Context, ObjectStorageOutcome.BucketNotFound, call.Route).ConfigureAwait(false);
            return;
        }

        call.Response.Headers.ETag = bucket.ETag;
        if (call.Header("if-match") is { } ifMatch && ifMatch != bucket.ETag)
        {
            await ObjectStorageError.WriteAsync(call.Context, ObjectStorageOutcome.IfMatchFailed, call.Route).ConfigureAwait(false);
            return;
        }

        if (call.Header("if-none-match") is { } ifNoneMatch && (ifNoneMatch == bucket.ETag || ifNoneMatch == "*"))
        {
            call.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        if (HttpMethods.IsHead(call.Request.Method))
        {
            return;
        }

        // approximateCount and approximateSize are computed only when asked for, as OCI does.
        string[] fields = (call.Query("fields") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await EmulatorJson.WriteAsync(call.Context, writer => ObjectStorageJson.WriteBucket(
            writer, bucket, fields.Contains("approximateCount") ? count : null, fields.Contains("approximateSize") ? size : null)).ConfigureAwait(false);
    }

    private async Task ListBucketsAsync(ObjectStorageCall call)
    {
        string? compartmentId = call.Query("compartmentId");
        if (string.IsNullOrEmpty(compartmentId))
        {
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "MissingParameter", "The compartmentId query parameter is required.").ConfigureAwait(false);
            return;
        }

        int limit = DefaultBucketLimit;
        if (call.Query("limit") is { } limitText && ObjectListing.TryParseLimit(limitText, out limit) is { } limitProblem)
        {
            await ObjectStorageError.InvalidParameter(call.Context, limitProblem).ConfigureAwait(false);
            return;
        }

        // OCI's page token for buckets is the last name of the previous page.
        (List<EmulatedBucket> page, bool more) = _store.ListBuckets(call.Route.Namespace!, compartmentId, call.Query("page"), limit);
        if (more)
        {
            call.Response.Headers["opc-next-page"] = page[^1].Name;
        }

        await EmulatorJson.WriteAsync(call.Context, writer =>
        {
            writer.WriteStartArray();
            foreach (EmulatedBucket bucket in page)
            {
                ObjectStorageJson.WriteBucketSummary(writer, bucket);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private async Task DeleteBucketAsync(ObjectStorageCall call)
    {
        ObjectStorageOutcome outcome = _store.DeleteBucket(call.Route.Namespace!, call.Route.Bucket!, call.Header("if-match"));
        if (outcome != ObjectStorageOutcome.Done)
        {
            await ObjectStorageError.WriteAsync(call.Context, outcome, call.Route).ConfigureAwait(false);
            return;
        }

        call.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>OCI's bucket name rule: 1 to 256 letters, digits, hyphens, underscores and periods.</summary>
    private static string? BucketNameProblem(string name) =>
        name.Length <= 256 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : $"The bucket name '{name}' is not valid: use 1 to 256 letters, digits, hyphens, underscores and periods.";
}
