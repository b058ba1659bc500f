using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>
/// PutObject (streamed to disk), GetObject and HeadObject (ranges, conditional reads, content headers and
/// <c>opc-meta-*</c>), DeleteObject, ListObjects and RenameObject.
/// </summary>
internal sealed class ObjectsApi(ObjectStore store)
{
    private const int CopyBufferSize = 81920;

    // GetObject's query parameters that override a response header, as OCI allows.
    private static readonly (string Query, string Header)[] ResponseOverrides =
    [
        ("httpResponseContentType", "content-type"),
        ("httpResponseContentLanguage", "content-language"),
        ("httpResponseContentEncoding", "content-encoding"),
        ("httpResponseContentDisposition", "content-disposition"),
        ("httpResponseCacheControl", "cache-control"),
    ];

    public async Task PutAsync(ObjectStorageCall call)
    {
        ObjectStorageRoute route = call.Route;
        if (ObjectPreconditions.Read(call, out string? ifMatch, out bool ifNoneMatchAny) is { } problem)
        {
            await ObjectStorageError.InvalidParameter(call.Context, problem).ConfigureAwait(false);
            return;
        }

        // A missing bucket is refused before the body is read, not after it has been stored.
        if (store.GetBucket(route.Namespace!, route.Bucket!).Bucket is null)
        {
            await ObjectStorageError.WriteAsync(call.Context, ObjectStorageOutcome.BucketNotFound, route).ConfigureAwait(false);
            return;
        }

        if (await call.ReceiveBodyAsync(store.Directory).ConfigureAwait(false) is not { } blob)
        {
            return;
        }

        DateTimeOffset now = store.Clock.GetUtcNow();
        var stored = new StoredObject(route.Object!, blob, StoredObject.NewETag(), null, ObjectContentHeaders.FromRequest(call.Request), now, now);
        ObjectStorageOutcome outcome = store.PutObject(route.Namespace!, route.Bucket!, stored, ifMatch, ifNoneMatchAny);
        if (outcome != ObjectStorageOutcome.Done)
        {
            blob.Delete();
            await ObjectStorageError.WriteAsync(call.Context, outcome, route).ConfigureAwait(false);
            return;
        }

        call.Response.Headers["opc-content-md5"] = blob.Md5Base64;
        call.Response.Headers.ETag = stored.ETag;
        call.Response.Headers.LastModified = ObjectStorageJson.HttpDate(stored.TimeModified);
    }

    public async Task GetAsync(ObjectStorageCall call)
    {
        ObjectStorageRoute route = call.Route;
        for (int attempt = 0; ; attempt++)
        {
            (ObjectStorageOutcome outcome, StoredObject? stored) = store.GetObject(route.Namespace!, route.Bucket!, route.Object!);
            if (stored is null)
            {
                await ObjectStorageError.WriteAsync(call.Context, outcome, route).ConfigureAwait(false);
                return;
            }

            FileStream? content = null;
            try
            {
                content = HttpMethods.IsHead(call.Request.Method) ? null : stored.Blob.OpenRead();
            }
            catch (FileNotFoundException) when (attempt < 3)
            {
                continue; // Replaced or deleted between the lookup and the open: look again.
            }

            await using (content)
            {
                await AnswerAsync(call, stored, content).ConfigureAwait(false);
            }

            return;
        }
    }

    public async Task DeleteAsync(ObjectStorageCall call)
    {
        ObjectStorageRoute route = call.Route;
        ObjectStorageOutcome outcome = store.DeleteObject(route.Namespace!, route.Bucket!, route.Object!, call.Header("if-match"));
        if (outcome != ObjectStorageOutcome.Done)
        {
            await ObjectStorageError.WriteAsync(call.Context, outcome, route).ConfigureAwait(false);
            return;
        }

        call.Response.Headers.LastModified = ObjectStorageJson.HttpDate(store.Clock.GetUtcNow());
        call.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async Task ListAsync(ObjectStorageCall call)
    {
        if (ObjectListingQuery.Read(call, out ObjectListing? listing) is { } problem)
        {
            await ObjectStorageError.InvalidParameter(call.Context, problem).ConfigureAwait(false);
            return;
        }

        (ObjectStorageOutcome outcome, (List<StoredObject> Objects, List<string> Prefixes, string? Next) page) =
            store.ReadObjects(call.Route.Namespace!, call.Route.Bucket!, listing!.Page);
        if (outcome != ObjectStorageOutcome.Done)
        {
            await ObjectStorageError.WriteAsync(call.Context, outcome, call.Route).ConfigureAwait(false);
            return;
        }

        await EmulatorJson.WriteAsync(call.Context, writer => listing.Write(writer, page.Objects, page.Prefixes, page.Next)).ConfigureAwait(false);
    }

    public async Task RenameAsync(ObjectStorageCall call)
    {
        if (!RequestJson.TryParseObject(call.Body, out JsonElement details))
        {
            await OciError.CannotParseRequest(call.Context).ConfigureAwait(false);
            return;
        }

        var missing = new List<string>();
        string? sourceName = RequestJson.RequiredString(details, "sourceName", missing);
        string? newName = RequestJson.RequiredString(details, "newName", missing);
        if (missing.Count > 0)
        {
            await OciError.MissingFields(call.Context, missing).ConfigureAwait(false);
            return;
        }

        if (sourceName == newName)
        {
            await ObjectStorageError.InvalidParameter(call.Context, $"sourceName and newName are both '{sourceName}': a rename needs a new name.").ConfigureAwait(false);
            return;
        }

        string? newIfNoneMatch = RequestJson.OptionalString(details, "newObjIfNoneMatchETag");
        if (newIfNoneMatch is not null && newIfNoneMatch != "*")
        {
            await ObjectStorageError.InvalidParameter(call.Context, $"newObjIfNoneMatchETag must be '*' when given (it is '{newIfNoneMatch}').").ConfigureAwait(false);
            return;
        }

        (ObjectStorageOutcome outcome, StoredObject? renamed) = store.RenameObject(
            call.Route.Namespace!, call.Route.Bucket!, sourceName!, newName!, RequestJson.OptionalString(details, "srcObjIfMatchETag"),
            RequestJson.OptionalString(details, "newObjIfMatchETag"), newIfNoneMatch is not null);
        if (renamed is null)
        {
            // The source is missing, or one of the two objects failed its precondition: name the one concerned.
            bool sourceFailed = outcome == ObjectStorageOutcome.ObjectNotFound
                || (outcome == ObjectStorageOutcome.IfMatchFailed && RequestJson.OptionalString(details, "srcObjIfMatchETag") is not null);
            string failedName = sourceFailed ? sourceName! : newName!;
            await ObjectStorageError.WriteAsync(call.Context, outcome, call.Route, failedName).ConfigureAwait(false);
            return;
        }

        call.Response.Headers.ETag = renamed.ETag;
        call.Response.Headers.LastModified = ObjectStorageJson.HttpDate(renamed.TimeModified);
    }

    /// <summary>Writes a GET or HEAD answer: conditional checks, headers, then the whole body or the requested range.</summary>
    private static async Task AnswerAsync(ObjectStorageCall call, StoredObject stored, FileStream? content)
    {
        HttpResponse response = call.Response;
        response.Headers.ETag = stored.ETag;
        response.Headers.LastModified = ObjectStorageJson.HttpDate(stored.TimeModified);
        if (call.Header("if-match") is { } ifMatch && ifMatch != stored.ETag)
        {
            await ObjectStorageError.WriteAsync(call.Context, ObjectStorageOutcome.IfMatchFailed, call.Route).ConfigureAwait(false);
            return;
        }

        if (call.Header("if-none-match") is { } ifNoneMatch && (ifNoneMatch == stored.ETag || ifNoneMatch == "*"))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        long length = stored.Blob.Length;
        (long Start, long End)? range = null;
        if (call.Header("range") is { } rangeHeader)
        {
            if (ByteRange.Parse(rangeHeader, length, out (long Start, long End) parsed) is { } rangeProblem)
            {
                response.Headers.ContentRange = $"bytes */{length}";
                await OciError.WriteAsync(call.Context, StatusCodes.Status416RangeNotSatisfiable, "InvalidRange", rangeProblem).ConfigureAwait(false);
                return;
            }

            range = parsed;
        }

        stored.Headers.WriteTo(response);
        foreach ((string query, string header) in ResponseOverrides)
        {
            if (call.Query(query) is { Length: > 0 } value)
            {
                response.Headers[header] = value;
            }
        }

        response.Headers.AcceptRanges = "bytes";
        response.Headers["storage-tier"] = ObjectStorageJson.StandardTier;
        if (stored.MultipartMd5 is not null)
        {
            response.Headers["opc-multipart-md5"] = stored.MultipartMd5;
        }
        else if (range is null)
        {
            response.Headers["content-md5"] = stored.Blob.Md5Base64;
        }

        (long start, long end) = range ?? (0, length - 1);
        if (range is not null)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{end}/{length}");
        }

        response.ContentLength = end - start + 1;
        if (content is null)
        {
            return;
        }

        content.Seek(start, SeekOrigin.Begin);
        await CopyAsync(content, response.Body, end - start + 1, call.Context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task CopyAsync(Stream source, Stream target, long count, CancellationToken cancellationToken)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            while (count > 0)
            {
                int read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(CopyBufferSize, count)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"The object's file ended {count} bytes early.");
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                count -= read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
