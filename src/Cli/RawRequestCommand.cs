using OciRaw.Cli.Json;

namespace OciRaw.Cli;

/// <summary><c>ociraw raw-request</c>: sign one request with the configured principal and send it (or print it).</summary>
internal static class RawRequestCommand
{
    public static async Task<int> RunAsync(RawRequestOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // The command owns the signer it creates: an instance-principal signer holds an HttpClient until disposed.
        using OciSigner signer = await SignerFactory.CreateAsync(options, stderr).ConfigureAwait(false);
        using HttpRequestMessage request = RequestBuilder.Build(options);
        if (options.DryRun)
        {
            OciSignature signature = await signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync(JsonOutput.DryRun(request, signature)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var wireNames = new WireHeaderNames();
        using HttpClient http = HttpTransport.Create(options, signer, wireNames, stderr);
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"Error: the request to {options.TargetUri} could not be sent or got no answer: {Describe(e, options)}").ConfigureAwait(false);
            return ExitCodes.NetworkError;
        }

        using (response)
        {
            JsonItem document;
            try
            {
                document = ResponseDocument.Build(response, body, wireNames, options.Query);
            }
            catch (JmesPath.JmesPathException e)
            {
                // A type error found while evaluating (e.g. sum() of strings): the answer arrived, the query does not fit it.
                await stderr.WriteLineAsync($"Error: --query '{options.Query!.Text}' failed on the response ({response.StatusCode:D}): {e.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await stdout.WriteLineAsync(PythonJsonWriter.Write(document)).ConfigureAwait(false);
            return options.FailOnError && !response.IsSuccessStatusCode ? ExitCodes.ServiceError : ExitCodes.Success;
        }
    }

    /// <summary>The innermost reason, which names the timeout or socket error, never a stack trace.</summary>
    private static string Describe(Exception e, RawRequestOptions options)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is ReadTimeoutException readTimeout)
            {
                return readTimeout.Message;
            }

            if (current is TimeoutException)
            {
                return $"no connection within {(options.ConnectionTimeout ?? HttpTransport.DefaultConnectionTimeout).TotalSeconds:0.###} seconds (--connection-timeout)";
            }
        }

        return e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message;
    }
}
