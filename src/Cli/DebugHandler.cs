using System.Net.Http.Headers;

namespace OciRaw.Cli;

/// <summary>
/// --debug: writes the request as sent (line, headers, signing string) and the response status and headers to stderr.
/// It sits after the signing handler and signs the request once more to obtain the signing string, so what it prints
/// is exactly what goes on the wire. Token keyIds, delegation tokens and other secret headers are redacted.
/// </summary>
internal sealed class DebugHandler(OciSigner signer, TextWriter stderr) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        OciSignature signature = await signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
        await stderr.WriteLineAsync($"DEBUG: request: {request.Method.Method} {request.RequestUri}").ConfigureAwait(false);
        await WriteHeadersAsync("request", request.Headers.NonValidated).ConfigureAwait(false);
        if (request.Content is not null)
        {
            await WriteHeadersAsync("request", request.Content.Headers.NonValidated).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync("DEBUG: signing string:" + Environment.NewLine + SecretRedaction.RedactSigningString(signature.SigningString)).ConfigureAwait(false);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await stderr.WriteLineAsync($"DEBUG: response: {(int)response.StatusCode} {response.ReasonPhrase}").ConfigureAwait(false);
        await WriteHeadersAsync("response", response.Headers.NonValidated).ConfigureAwait(false);
        await WriteHeadersAsync("response", response.Content.Headers.NonValidated).ConfigureAwait(false);
        return response;
    }

    private async Task WriteHeadersAsync(string direction, HttpHeadersNonValidated headers)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers)
        {
            await stderr.WriteLineAsync($"DEBUG: {direction} header: {header.Key}: {SecretRedaction.RedactHeaderValue(header.Key, header.Value.ToString())}").ConfigureAwait(false);
        }
    }
}
