using System.Net;
using System.Net.Http.Headers;
using OciRaw.Cli.Json;

namespace OciRaw.Cli;

/// <summary>
/// <c>{"data", "headers", "status"}</c> for every HTTP answer, 2xx or not, as oci raw-request prints it
/// (raw_request_cli.py): header names as the server spelled them, values of duplicated headers joined with ", "
/// (urllib3), status as "code reason". --query applies to <c>data</c> when it is JSON, as in the OCI CLI.
/// </summary>
internal static class ResponseDocument
{
    public const string DataEncodingKey = "data-encoding";

    public static JsonItem Build(HttpResponseMessage response, byte[] body, WireHeaderNames wireNames, JmesPath.JmesPathExpression? query)
    {
        ResponseBody data = ResponseBody.Read(body, response.Content.Headers.ContentType);
        var properties = new List<KeyValuePair<string, JsonItem>>
        {
            new("data", data.IsJson && query is not null ? query.Search(data.Data) : data.Data),
            new("headers", JsonItem.FromProperties(Headers(response, wireNames))),
            new("status", JsonItem.FromString(Status(response))),
        };
        if (data.IsBase64)
        {
            properties.Add(new(DataEncodingKey, JsonItem.FromString(ResponseBody.Base64Encoding)));
        }

        return JsonItem.FromProperties(properties);
    }

    private static IEnumerable<KeyValuePair<string, JsonItem>> Headers(HttpResponseMessage response, WireHeaderNames wireNames)
    {
        IEnumerable<KeyValuePair<string, HeaderStringValues>> all = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated);
        foreach ((string name, HeaderStringValues values) in all)
        {
            yield return new(wireNames.Spelling(name), JsonItem.FromString(SecretRedaction.RedactHeaderValue(name, values.ToString())));
        }
    }

    private static string Status(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.ReasonPhrase ?? ((HttpStatusCode)(int)response.StatusCode).ToString()}";
}
