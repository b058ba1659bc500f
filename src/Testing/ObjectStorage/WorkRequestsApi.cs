using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>
/// CopyObject (202 Accepted with <c>opc-work-request-id</c>) and GetWorkRequest. The copy is checked when it is
/// accepted (source present and matching <c>sourceObjectIfMatchETag</c>, destination bucket present, destination
/// preconditions) so a test sees a failed precondition as an error answer; <c>destinationRegion</c> is accepted as
/// given (the emulator is one region).
/// </summary>
internal sealed class WorkRequestsApi(ObjectStore store)
{
    private readonly ConcurrentDictionary<string, EmulatedWorkRequest> _workRequests = new(StringComparer.Ordinal);

    public async Task CopyObjectAsync(ObjectStorageCall call)
    {
        ObjectStorageRoute route = call.Route;
        if (!RequestJson.TryParseObject(call.Body, out JsonElement details))
        {
            await OciError.CannotParseRequest(call.Context).ConfigureAwait(false);
            return;
        }

        var missing = new List<string>();
        string? sourceName = RequestJson.RequiredString(details, "sourceObjectName", missing);
        RequestJson.RequiredString(details, "destinationRegion", missing);
        string? destinationNamespace = RequestJson.RequiredString(details, "destinationNamespace", missing);
        string? destinationBucket = RequestJson.RequiredString(details, "destinationBucket", missing);
        string? destinationName = RequestJson.RequiredString(details, "destinationObjectName", missing);
        if (missing.Count > 0)
        {
            await OciError.MissingFields(call.Context, missing).ConfigureAwait(false);
            return;
        }

        string? destinationIfNoneMatch = RequestJson.OptionalString(details, "destinationObjectIfNoneMatchETag");
        if (destinationIfNoneMatch is not null && destinationIfNoneMatch != "*")
        {
            await ObjectStorageError.InvalidParameter(call.Context, $"destinationObjectIfNoneMatchETag must be '*' when given (it is '{destinationIfNoneMatch}').").ConfigureAwait(false);
            return;
        }

        ObjectStorageRoute destination = route with { Namespace = destinationNamespace, Bucket = destinationBucket, Object = destinationName };
        if (destinationNamespace != route.Namespace)
        {
            await ObjectStorageError.WriteAsync(call.Context, ObjectStorageOutcome.NamespaceNotFound, destination).ConfigureAwait(false);
            return;
        }

        (ObjectStorageOutcome outcome, StoredObject? source) = store.GetObject(route.Namespace!, route.Bucket!, sourceName!);
        if (source is null || (RequestJson.OptionalString(details, "sourceObjectIfMatchETag") is { } sourceIfMatch && sourceIfMatch != source.ETag))
        {
            await ObjectStorageError.WriteAsync(call.Context, source is null ? outcome : ObjectStorageOutcome.IfMatchFailed, route, sourceName).ConfigureAwait(false);
            return;
        }

        // destinationObjectMetadata replaces the source's metadata; absent, the source's is kept.
        IReadOnlyDictionary<string, string> metadata = source.Headers.Metadata;
        if (RequestJson.OptionalObject(details, "destinationObjectMetadata") is { } given
            && ObjectContentHeaders.ReadMetadata(given, "destinationObjectMetadata", out metadata) is { } metadataProblem)
        {
            await ObjectStorageError.InvalidParameter(call.Context, metadataProblem).ConfigureAwait(false);
            return;
        }

        BlobFile copy = source.Blob.CopyTo(store.Directory);
        DateTimeOffset now = store.Clock.GetUtcNow();
        StoredObject copied = source with
        {
            Name = destinationName!,
            Blob = copy,
            ETag = StoredObject.NewETag(),
            Headers = source.Headers with { Metadata = metadata },
            TimeCreated = now,
            TimeModified = now,
        };
        outcome = store.PutObject(destinationNamespace!, destinationBucket!, copied, RequestJson.OptionalString(details, "destinationObjectIfMatchETag"), destinationIfNoneMatch is not null);
        if (outcome != ObjectStorageOutcome.Done)
        {
            copy.Delete();
            await ObjectStorageError.WriteAsync(call.Context, outcome, destination).ConfigureAwait(false);
            return;
        }

        string entityUri = $"/n/{destinationNamespace}/b/{destinationBucket}/o/{destinationName}";
        var workRequest = new EmulatedWorkRequest(call.Tenancy, entityUri, now);
        _workRequests[workRequest.Id] = workRequest;
        call.Response.Headers["opc-work-request-id"] = workRequest.Id;
        call.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    public Task GetAsync(ObjectStorageCall call)
    {
        // Another tenancy's work request is as invisible as one that does not exist.
        if (!_workRequests.TryGetValue(call.Route.WorkRequestId!, out EmulatedWorkRequest? workRequest) || workRequest.CompartmentId != call.Tenancy)
        {
            return OciError.NotFound(call.Context);
        }

        DateTimeOffset now = store.Clock.GetUtcNow();
        return EmulatorJson.WriteAsync(call.Context, writer => workRequest.Poll(writer, now));
    }
}
