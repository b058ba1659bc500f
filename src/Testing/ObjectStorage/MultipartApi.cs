using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>
/// Multipart uploads: create, UploadPart (streamed to disk, numbered 1 to 10000), list parts (a bare array paged by
/// <c>opc-next-page</c>), commit (the listed parts' ETags, joined in part-number order; every uploaded part committed
/// or excluded) and abort.
/// </summary>
internal sealed class MultipartApi(ObjectStore store)
{
    private const int DefaultPartLimit = 1000;

    public async Task CreateAsync(ObjectStorageCall call)
    {
        if (!RequestJson.TryParseObject(call.Body, out JsonElement details))
        {
            await OciError.CannotParseRequest(call.Context).ConfigureAwait(false);
            return;
        }

        string? objectName = RequestJson.OptionalString(details, "object");
        if (string.IsNullOrEmpty(objectName))
        {
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "MissingParameter", "Missing or empty required field(s): object.").ConfigureAwait(false);
            return;
        }

        IReadOnlyDictionary<string, string> metadata = new Dictionary<string, string>();
        if (RequestJson.OptionalObject(details, "metadata") is { } given && ObjectContentHeaders.ReadMetadata(given, "metadata", out metadata) is { } problem)
        {
            await ObjectStorageError.InvalidParameter(call.Context, problem).ConfigureAwait(false);
            return;
        }

        var headers = new ObjectContentHeaders(
            RequestJson.OptionalString(details, "contentType") ?? ObjectContentHeaders.DefaultContentType,
            RequestJson.OptionalString(details, "contentLanguage"),
            RequestJson.OptionalString(details, "contentEncoding"),
            RequestJson.OptionalString(details, "contentDisposition"),
            RequestJson.OptionalString(details, "cacheControl"),
            metadata);
        (ObjectStorageOutcome outcome, MultipartUpload? upload) = store.CreateUpload(call.Route.Namespace!, call.Route.Bucket!, objectName, headers);
        if (upload is null)
        {
            await ObjectStorageError.WriteAsync(call.Context, outcome, call.Route, objectName).ConfigureAwait(false);
            return;
        }

        call.Response.Headers.Location = $"/n/{Uri.EscapeDataString(upload.Namespace)}/b/{Uri.EscapeDataString(upload.Bucket)}/u/{Uri.EscapeDataString(objectName)}?uploadId={upload.UploadId}";
        await EmulatorJson.WriteAsync(call.Context, writer => ObjectStorageJson.WriteUpload(writer, upload)).ConfigureAwait(false);
    }

    public async Task UploadPartAsync(ObjectStorageCall call)
    {
        string? uploadId = call.Query("uploadId");
        string? partText = call.Query("uploadPartNum");
        if (string.IsNullOrEmpty(uploadId) || partText is null)
        {
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "MissingParameter", "UploadPart needs the uploadId and uploadPartNum query parameters.").ConfigureAwait(false);
            return;
        }

        if (!int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out int partNumber) || partNumber is < MultipartUpload.MinPartNumber or > MultipartUpload.MaxPartNumber)
        {
            await ObjectStorageError.InvalidParameter(call.Context,
                $"uploadPartNum must be a whole number from {MultipartUpload.MinPartNumber} to {MultipartUpload.MaxPartNumber} (it is '{partText}').").ConfigureAwait(false);
            return;
        }

        if (store.ListParts(call.Route.Namespace!, call.Route.Bucket!, call.Route.Object!, uploadId).Outcome is var known and not ObjectStorageOutcome.Done)
        {
            await ObjectStorageError.WriteAsync(call.Context, known, call.Route, uploadId: uploadId).ConfigureAwait(false);
            return;
        }

        if (await call.ReceiveBodyAsync(store.Directory).ConfigureAwait(false) is not { } blob)
        {
            return;
        }

        (ObjectStorageOutcome outcome, UploadedPart? part) = store.PutPart(call.Route.Namespace!, call.Route.Bucket!, call.Route.Object!, uploadId, partNumber, blob);
        if (part is null)
        {
            blob.Delete();
            await ObjectStorageError.WriteAsync(call.Context, outcome, call.Route, uploadId: uploadId).ConfigureAwait(false);
            return;
        }

        call.Response.Headers["opc-content-md5"] = blob.Md5Base64;
        call.Response.Headers.ETag = part.ETag;
    }

    public async Task ListPartsAsync(ObjectStorageCall call)
    {
        string? uploadId = call.Query("uploadId");
        if (string.IsNullOrEmpty(uploadId))
        {
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "MissingParameter", "The uploadId query parameter is required.").ConfigureAwait(false);
            return;
        }

        int limit = DefaultPartLimit;
        if (call.Query("limit") is { } limitText && ObjectListing.TryParseLimit(limitText, out limit) is { } limitProblem)
        {
            await ObjectStorageError.InvalidParameter(call.Context, limitProblem).ConfigureAwait(false);
            return;
        }

        int after = 0;
        if (call.Query("page") is { } page && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            await ObjectStorageError.InvalidParameter(call.Context, $"The page token '{page}' is not valid.").ConfigureAwait(false);
            return;
        }

        (ObjectStorageOutcome outcome, List<UploadedPart>? parts) = store.ListParts(call.Route.Namespace!, call.Route.Bucket!, call.Route.Object!, uploadId);
        if (parts is null)
        {
            await ObjectStorageError.WriteAsync(call.Context, outcome, call.Route, uploadId: uploadId).ConfigureAwait(false);
            return;
        }

        List<UploadedPart> remaining = parts.Where(p => p.PartNumber > after).ToList();
        List<UploadedPart> pageParts = remaining.Take(limit).ToList();
        if (remaining.Count > limit)
        {
            // The page token is the last part number of this page.
            call.Response.Headers["opc-next-page"] = pageParts[^1].PartNumber.ToString(CultureInfo.InvariantCulture);
        }

        await EmulatorJson.WriteAsync(call.Context, writer =>
        {
            writer.WriteStartArray();
            foreach (UploadedPart part in pageParts)
            {
                ObjectStorageJson.WritePart(writer, part);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    public async Task CommitAsync(ObjectStorageCall call)
    {
        ObjectStorageRoute route = call.Route;
        string? uploadId = call.Query("uploadId");
        if (string.IsNullOrEmpty(uploadId))
        {
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "MissingParameter", "The uploadId query parameter is required.").ConfigureAwait(false);
            return;
        }

        if (!RequestJson.TryParseObject(call.Body, out JsonElement details) || CommitList.Read(details, out CommitList? commit) is { } parseProblem)
        {
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "CannotParseRequest",
                "The body must be CommitMultipartUploadDetails: {\"partsToCommit\": [{\"partNum\": 1, \"etag\": \"...\"}], \"partsToExclude\": [...]}.").ConfigureAwait(false);
            return;
        }

        if (ObjectPreconditions.Read(call, out string? ifMatch, out bool ifNoneMatchAny) is { } preconditionProblem)
        {
            await ObjectStorageError.InvalidParameter(call.Context, preconditionProblem).ConfigureAwait(false);
            return;
        }

        (ObjectStorageOutcome outcome, MultipartUpload? upload) = store.BeginCommit(route.Namespace!, route.Bucket!, route.Object!, uploadId);
        if (upload is null)
        {
            await ObjectStorageError.WriteAsync(call.Context, outcome, route, uploadId: uploadId).ConfigureAwait(false);
            return;
        }

        if (commit!.Check(upload) is { } problem)
        {
            store.CancelCommit(upload);
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "InvalidUploadPart", problem).ConfigureAwait(false);
            return;
        }

        List<BlobFile> parts = commit.Parts.Select(p => upload.Parts[p.PartNum].Blob).ToList();
        BlobFile joined;
        try
        {
            joined = await BlobFile.ConcatenateAsync(parts, store.Directory, call.Context.RequestAborted).ConfigureAwait(false);
        }
        catch
        {
            store.CancelCommit(upload);
            throw;
        }

        DateTimeOffset now = store.Clock.GetUtcNow();
        var stored = new StoredObject(upload.ObjectName, joined, StoredObject.NewETag(), MultipartUpload.MultipartMd5(parts), upload.Headers, now, now);
        outcome = store.FinishCommit(upload, stored, ifMatch, ifNoneMatchAny);
        if (outcome != ObjectStorageOutcome.Done)
        {
            joined.Delete();
            await ObjectStorageError.WriteAsync(call.Context, outcome, route).ConfigureAwait(false);
            return;
        }

        call.Response.Headers["opc-multipart-md5"] = stored.MultipartMd5;
        call.Response.Headers.ETag = stored.ETag;
        call.Response.Headers.LastModified = ObjectStorageJson.HttpDate(now);
    }

    public async Task AbortAsync(ObjectStorageCall call)
    {
        string? uploadId = call.Query("uploadId");
        if (string.IsNullOrEmpty(uploadId))
        {
            await OciError.WriteAsync(call.Context, StatusCodes.Status400BadRequest, "MissingParameter", "The uploadId query parameter is required.").ConfigureAwait(false);
            return;
        }

        ObjectStorageOutcome outcome = store.AbortUpload(call.Route.Namespace!, call.Route.Bucket!, call.Route.Object!, uploadId);
        if (outcome != ObjectStorageOutcome.Done)
        {
            await ObjectStorageError.WriteAsync(call.Context, outcome, call.Route, uploadId: uploadId).ConfigureAwait(false);
            return;
        }

        call.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
