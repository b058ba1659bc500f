namespace OciRaw.Cli;

/// <summary><c>ociraw raw-request</c>: sign one request with the configured principal and send it (or print it).</summary>
internal static class RawRequestCommand
{
    /// <summary>
    /// Instance and resource principals need no config file. For config profiles the profile decides the signer; --auth
    /// says which kind the user expects, and a mismatch is an error.
    /// </summary>
    private static async Task<OciSigner> CreateSignerAsync(RawRequestOptions options, TextWriter stderr)
    {
        switch (options.Auth)
        {
            case AuthType.InstancePrincipal:
                return new InstancePrincipalsSigner();
            case AuthType.ResourcePrincipal:
                return new ResourcePrincipalsSigner();
        }

        OciConfig config = OciConfig.FromFile(options.ConfigFile, options.Profile);
        foreach (string warning in config.Warnings)
        {
            await stderr.WriteLineAsync("WARNING: " + warning).ConfigureAwait(false);
        }

        bool tokenProfile = config.SecurityTokenFile is not null;
        if (options.Auth == AuthType.SecurityToken && !tokenProfile)
        {
            throw new CliUsageException($"--auth security_token needs a profile with security_token_file; profile [{config.Profile}] of {config.FilePath} has none (create one with 'oci session authenticate').");
        }

        if (options.Auth == AuthType.ApiKey && tokenProfile)
        {
            throw new CliUsageException($"Profile [{config.Profile}] of {config.FilePath} is a session-token profile (security_token_file); pass --auth security_token.");
        }

        return OciSigner.FromConfig(config);
    }

    public static async Task<int> RunAsync(RawRequestOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // The command owns the signer it creates: an instance-principal signer holds an HttpClient until disposed.
        using OciSigner signer = await CreateSignerAsync(options, stderr).ConfigureAwait(false);
        using HttpRequestMessage request = RequestBuilder.Build(options);
        if (options.DryRun)
        {
            OciSignature signature = await signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync(JsonOutput.DryRun(request, signature)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        using var http = new HttpClient(new OciSigningHandler(signer));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"Error: the request to {options.TargetUri} could not be sent: {e.Message}").ConfigureAwait(false);
            return ExitCodes.NetworkError;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"Error: no response from {options.TargetUri} within {http.Timeout.TotalSeconds:0} seconds.").ConfigureAwait(false);
            return ExitCodes.NetworkError;
        }

        using (response)
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await stdout.WriteLineAsync(JsonOutput.Response(response, body)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await stderr.WriteLineAsync("ServiceError:").ConfigureAwait(false);
            OciServiceException error = await OciServiceException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync(JsonOutput.ServiceError(error)).ConfigureAwait(false);
            return ExitCodes.ServiceError;
        }
    }
}
