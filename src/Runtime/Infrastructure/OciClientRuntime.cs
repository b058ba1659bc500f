using System.Buffers;
using System.ComponentModel;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// The steps every generated client method shares: add header parameters, send with an <c>opc-request-id</c>, turn
/// non-2xx answers into <see cref="OciServiceException"/>, read JSON bodies with generated code, and follow
/// <c>opc-next-page</c>.
/// Public only so generated code can call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciClientRuntime
{
    private const string OpcRequestId = "opc-request-id";
    private const string AcceptHeader = "accept";
    private const string JsonMediaType = "application/json";

    /// <summary>Checks the HttpClient a generated <c>Create</c> receives.</summary>
    public static HttpClient RequireHttpClient(HttpClient? httpClient, string interfaceName)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException(
                $"{interfaceName}.Create needs an HttpClient whose BaseAddress is the service endpoint, e.g. https://identity.us-ashburn-1.oci.oraclecloud.com.",
                nameof(httpClient));
        }

        if (httpClient.BaseAddress.AbsolutePath != "/")
        {
            // Routes start with '/', so a path in BaseAddress would be replaced, not prefixed: say so instead.
            throw new ArgumentException(
                $"{interfaceName}.Create needs a BaseAddress without a path (got '{httpClient.BaseAddress}'): OCI routes such as /20160918/users are absolute.",
                nameof(httpClient));
        }

        return httpClient;
    }

    /// <summary>
    /// Asks for JSON (<c>accept: application/json</c>, as every OCI SDK sends on JSON operations) unless the caller's
    /// header parameters already chose what to accept.
    /// </summary>
    public static void AcceptJson(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.NonValidated.Contains(AcceptHeader))
        {
            request.Headers.TryAddWithoutValidation(AcceptHeader, JsonMediaType);
        }
    }

    /// <summary>
    /// Serializes <paramref name="value"/> with generated code into an <c>application/json</c> body held in a pooled
    /// buffer (returned when the request is disposed).
    /// </summary>
    public static HttpContent JsonContent<T>(T value, OciJsonWriteAction<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return PooledJsonContent.Create(value, write);
    }

    /// <summary>
    /// Adds the value of a header parameter. Null and empty values are left out: OCI answers an empty
    /// <c>opc-retry-token</c> or <c>if-match</c> with an error rather than ignoring it, so "no value" must mean "no header".
    /// The exception is <c>opc-retry-token</c>, which gets a fresh 30-character token instead.
    /// </summary>
    /// <param name="request">The request being built.</param>
    /// <param name="name">The header name (checked by the generator).</param>
    /// <param name="value">The formatted value.</param>
    /// <param name="parameterName">The method parameter the value came from, for the exception.</param>
    /// <exception cref="ArgumentException">The value contains CR, LF or NUL, or <paramref name="name"/> is a content header.</exception>
    public static void AddHeader(HttpRequestMessage request, string name, string? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(value))
        {
            // An operation that takes a retry token gets one per call when its caller gives none (as the Go SDK's
            // generated operations do), so that a create retried after a lost response makes one resource, not two.
            if (RetryToken.IsRetryTokenHeader(name))
            {
                request.Headers.TryAddWithoutValidation(name, RetryToken.Create());
            }

            return;
        }

        // The value goes in without validation (so OCI's tokens and ETags are sent byte for byte), and SocketsHttpHandler
        // writes such values as they are: a CR or LF would end the header line and let the value add headers of its own.
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            // The value itself is left out of the message: it may be a token.
            throw new ArgumentException(
                $"The value for header '{name}' contains a line break or NUL character, which cannot be sent in an HTTP header.", parameterName);
        }

        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            // A content header (the generator refuses those): dropping it silently would send a different request.
            throw new ArgumentException($"'{name}' cannot be sent as a request header; HttpClient sends it only as a header of the content.", parameterName);
        }
    }

    /// <summary>Sends the request, adding a fresh <c>opc-request-id</c> when neither the request nor the client sets one.</summary>
    public static Task<HttpResponseMessage> SendAsync(
        HttpClient httpClient, HttpRequestMessage request, HttpCompletionOption completionOption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.NonValidated.Contains(OpcRequestId) && !httpClient.DefaultRequestHeaders.NonValidated.Contains(OpcRequestId))
        {
            request.Headers.TryAddWithoutValidation(OpcRequestId, OpcRequestIds.Create());
        }

        return httpClient.SendAsync(request, completionOption, cancellationToken);
    }

    /// <summary>Throws <see cref="OciServiceException"/> for a non-2xx response.</summary>
    public static async ValueTask EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            throw await OciServiceException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Checks the status and reads the body with a generated deserializer. A 2xx without a body (such as 204) reads as
    /// <c>default</c> when <paramref name="allowEmptyBody"/> is true, that is when the method's declared result accepts
    /// null; otherwise it throws <see cref="OciEmptyBodyException"/>.
    /// </summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, OciJsonReadFunc<T> read, bool allowEmptyBody, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await DeserializeAsync(response, read, allowEmptyBody, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the status and returns the body with the response's headers; an empty body is handled as in
    /// <see cref="ReadJsonAsync{T}"/>.
    /// </summary>
    public static async Task<OciResponse<T>> ReadResponseAsync<T>(HttpResponseMessage response, OciJsonReadFunc<T> read, bool allowEmptyBody, CancellationToken cancellationToken)
    {
        T data = await ReadJsonAsync(response, read, allowEmptyBody, cancellationToken).ConfigureAwait(false);
        return new OciResponse<T>(data, response.StatusCode, new OciResponseHeaders(response));
    }

    /// <summary>Checks the status and returns it with the response's headers (any body is left unread).</summary>
    public static async Task<OciResponse> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return new OciResponse(response.StatusCode, new OciResponseHeaders(response));
    }

    /// <summary>
    /// Checks the status and returns the body as text; a JSON body that is one JSON string (Object Storage GetNamespace
    /// answers <c>"mynamespace"</c>) gives the string's value, without quotes or escapes.
    /// </summary>
    public static async Task<string> ReadStringAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonStringBody.TryRead(response.Content.Headers.ContentType, text, out string? value) ? value : text;
    }

    /// <summary>Checks the status and hands over the body stream; disposing the stream releases the response.</summary>
    public static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Yields the items of every page: sends <paramref name="firstPage"/>'s method, URI, headers and JSON body (if any),
    /// reads the page (a JSON array, or OCI's collection object <c>{"items": [...], ...}</c>), and continues with
    /// <c>page=&lt;opc-next-page&gt;</c> while the response carries <c>opc-next-page</c>. The request is copied before
    /// this returns (and may be disposed then), so the generated method builds it, and checks its arguments, at the
    /// call rather than at the first <c>MoveNextAsync</c>. Each enumeration starts again from the first page.
    /// </summary>
    public static IAsyncEnumerable<T> PaginateAsync<T>(
        HttpClient httpClient, HttpRequestMessage firstPage, OciJsonReadFunc<List<T>> readPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentNullException.ThrowIfNull(readPage);
        return Pager.ItemsAsync(httpClient, new PageRequestTemplate(firstPage), readPage, cancellationToken);
    }

    /// <summary>
    /// Yields every page whole, with its status and headers (<c>IAsyncEnumerable&lt;OciResponse&lt;TPage&gt;&gt;</c>),
    /// following <c>opc-next-page</c> as <see cref="PaginateAsync{T}"/> does; a page without a body is read as in
    /// <see cref="ReadResponseAsync{T}"/>.
    /// </summary>
    public static IAsyncEnumerable<OciResponse<TPage>> PaginatePagesAsync<TPage>(
        HttpClient httpClient, HttpRequestMessage firstPage, OciJsonReadFunc<TPage> readPage, bool allowEmptyBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentNullException.ThrowIfNull(readPage);
        return Pager.PagesAsync(httpClient, new PageRequestTemplate(firstPage), readPage, allowEmptyBody, cancellationToken);
    }

    /// <summary>
    /// Reads a whole body into a pooled buffer and runs the generated deserializer over it; an empty body gives
    /// <c>default</c> or <see cref="OciEmptyBodyException"/>, as <paramref name="allowEmptyBody"/> says.
    /// </summary>
    private static async Task<T> DeserializeAsync<T>(HttpResponseMessage response, OciJsonReadFunc<T> read, bool allowEmptyBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        HttpContent content = response.Content;
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int capacity = content.Headers.ContentLength is long length and > 0 and < int.MaxValue ? (int)length : 4096;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
            try
            {
                int count = 0;
                while (true)
                {
                    if (count == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read1 = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                    if (read1 == 0)
                    {
                        break;
                    }

                    count += read1;
                }

                if (count == 0)
                {
                    // No body at all is not malformed JSON: say what happened instead of "the document ends too early".
                    return allowEmptyBody ? default! : throw OciEmptyBodyException.FromResponse(response);
                }

                return Deserialize(buffer.AsSpan(0, count), read);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Runs a generated deserializer over a complete JSON document, with the path of any error.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, OciJsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        string expected = typeof(T).Name;
        try
        {
            var reader = new Utf8JsonReader(json);
            OciJsonReader.Next(ref reader, expected);
            T value = read(ref reader);
            if (reader.Read())
            {
                throw new OciJsonException("the document continues after the value", expected);
            }

            return value;
        }
        catch (Exception e) when (OciJsonErrors.IsReadError(e))
        {
            throw OciJsonErrors.AtProperty(e, null, expected);
        }
    }
}
