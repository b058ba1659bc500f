using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OciRaw.Infrastructure;

/// <summary>
/// Follows <c>opc-next-page</c>: every page is a fresh request made from the first page's <see cref="PageRequestTemplate"/>
/// (so each enumeration starts again from the first page), sent, checked and read; paging stops at a page without
/// <c>opc-next-page</c>.
/// </summary>
internal static class Pager
{
    private const string NextPageHeader = "opc-next-page";

    /// <summary>The items of every page; a page is a JSON array or OCI's collection object <c>{"items": [...], ...}</c>.</summary>
    public static async IAsyncEnumerable<T> ItemsAsync<T>(
        HttpClient httpClient, PageRequestTemplate pages, OciJsonReadFunc<List<T>> readItems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        OciJsonReadFunc<List<T>?> readPage = (ref Utf8JsonReader reader) => ReadItems(ref reader, readItems);
        string? page = null;
        do
        {
            // Cancelled between pages: stop before building and sending the next page's request.
            cancellationToken.ThrowIfCancellationRequested();
            List<T>? items;
            using (HttpRequestMessage request = pages.Create(page))
            using (HttpResponseMessage response = await OciClientRuntime.SendAsync(httpClient, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                items = await OciClientRuntime.ReadJsonAsync(response, readPage, allowEmptyBody: true, cancellationToken).ConfigureAwait(false);
                page = NextPage(response);
            }

            // A page with no body, or a body of JSON null, is an empty page.
            foreach (T item in items ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
        while (!string.IsNullOrEmpty(page));
    }

    /// <summary>Every page whole, with its status and headers.</summary>
    public static async IAsyncEnumerable<OciResponse<TPage>> PagesAsync<TPage>(
        HttpClient httpClient, PageRequestTemplate pages, OciJsonReadFunc<TPage> readPage, bool allowEmptyBody, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? page = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            OciResponse<TPage> result;
            using (HttpRequestMessage request = pages.Create(page))
            using (HttpResponseMessage response = await OciClientRuntime.SendAsync(httpClient, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                result = await OciClientRuntime.ReadResponseAsync(response, readPage, allowEmptyBody, cancellationToken).ConfigureAwait(false);
                page = NextPage(response);
            }

            yield return result;
        }
        while (!string.IsNullOrEmpty(page));
    }

    /// <summary>
    /// Reads a page of items: a JSON array, null, or an object whose <c>items</c> member holds the array (other members,
    /// such as a collection's summary, are skipped). Errors inside the object carry <c>$.items</c> in their path.
    /// </summary>
    internal static List<T>? ReadItems<T>(ref Utf8JsonReader reader, OciJsonReadFunc<List<T>> readItems)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                return readItems(ref reader);
            case JsonTokenType.StartObject:
                break;
            default:
                throw new OciJsonException(
                    $"expected a page of items (an array, or an object with an 'items' array) but found {reader.TokenType}", "page");
        }

        List<T>? items = null;
        bool found = false;
        while (true)
        {
            OciJsonReader.Next(ref reader, "page");
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            bool isItems = reader.ValueTextEquals("items"u8);
            OciJsonReader.Next(ref reader, "page");
            if (!isItems)
            {
                reader.Skip();
                continue;
            }

            try
            {
                items = reader.TokenType == JsonTokenType.Null ? null : readItems(ref reader);
            }
            catch (OciJsonException e)
            {
                OciJsonErrors.AddProperty(e, "items");
                throw;
            }
            catch (Exception e) when (OciJsonErrors.IsReadError(e))
            {
                throw OciJsonErrors.AtProperty(e, "items", "page");
            }

            found = true;
        }

        return found
            ? items
            : throw new OciJsonException(
                "the page is an object without an 'items' member; IAsyncEnumerable<T> reads arrays and OCI collections ({\"items\": [...]}), "
                + "declare IAsyncEnumerable<OciResponse<TPage>> to read pages of another shape", "page");
    }

    private static string? NextPage(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues(NextPageHeader, out HeaderStringValues next) ? next.ToString() : null;
}
