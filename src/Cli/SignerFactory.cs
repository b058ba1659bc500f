namespace OciRaw.Cli;

/// <summary>
/// Chooses the signer as the OCI CLI does (cli_util.create_config_and_signer_based_on_click_context and build_config):
/// instance and resource principals need no config file; OCI_CLI_USER, OCI_CLI_TENANCY, OCI_CLI_FINGERPRINT and
/// OCI_CLI_KEY_FILE or OCI_CLI_KEY_CONTENT replace it; otherwise the profile is read and those variables override its
/// keys. Warnings (file permissions) go to stderr.
/// </summary>
internal static class SignerFactory
{
    public static async Task<OciSigner> CreateAsync(RawRequestOptions options, TextWriter stderr)
    {
        switch (options.Auth)
        {
            case AuthType.InstancePrincipal:
                return new InstancePrincipalsSigner(new InstancePrincipalsSignerOptions { FederationEndpoint = options.FederationEndpoint });
            case AuthType.ResourcePrincipal:
                return new ResourcePrincipalsSigner();
            case AuthType.OkeWorkloadIdentity:
                throw new NotSupportedException(
                    "--auth oke_workload_identity is not supported: the OciRaw runtime has no OKE workload identity signer (the exchange of the Kubernetes " +
                    "service account token at the cluster's proxymux endpoint). Use --auth resource_principal or instance_principal, or the OCI CLI.");
        }

        var overrides = ApiKeyEnvironment.Read();
        if (options.Auth == AuthType.InstanceOboUser)
        {
            return new InstancePrincipalsSigner(new InstancePrincipalsSignerOptions
            {
                FederationEndpoint = options.FederationEndpoint,
                DelegationTokenFile = CliEnvironment.Get(CliEnvironment.DelegationTokenFile) ?? DelegationTokenFileFromConfig(options),
            });
        }

        if (options.Auth == AuthType.ApiKey && overrides.IsComplete)
        {
            // The OCI CLI's is_config_valid_from_env: no config file is read at all.
            return await CreateApiKeySignerAsync(overrides, stderr).ConfigureAwait(false);
        }

        OciConfig config = OciConfig.FromFile(options.ConfigFile, options.Profile);
        await WarnAsync(stderr, config.FilePath).ConfigureAwait(false);
        bool tokenProfile = config.SecurityTokenFile is not null;
        if (options.Auth == AuthType.SecurityToken && !tokenProfile)
        {
            throw new CliUsageException($"--auth security_token needs a profile with security_token_file; profile [{config.Profile}] of {config.FilePath} has none (create one with 'oci session authenticate').");
        }

        if (options.Auth == AuthType.ApiKey && tokenProfile)
        {
            throw new CliUsageException($"Profile [{config.Profile}] of {config.FilePath} is a session-token profile (security_token_file); pass --auth security_token.");
        }

        if (options.Auth == AuthType.ApiKey && overrides.Any)
        {
            return await CreateApiKeySignerAsync(overrides.Over(config), stderr).ConfigureAwait(false);
        }

        if (config.KeyFile is { } keyFile)
        {
            await WarnAsync(stderr, keyFile).ConfigureAwait(false);
        }

        return OciSigner.FromConfig(config);
    }

    private static string? DelegationTokenFileFromConfig(RawRequestOptions options)
    {
        OciConfig config = OciConfig.FromFile(options.ConfigFile, options.Profile);
        return config.DelegationTokenFile
            ?? throw new CliUsageException($"--auth instance_obo_user needs delegation_token_file in profile [{config.Profile}] of {config.FilePath} or {CliEnvironment.DelegationTokenFile}.");
    }

    private static async Task<OciSigner> CreateApiKeySignerAsync(ApiKeyEnvironment values, TextWriter stderr)
    {
        string tenancy = values.Tenancy ?? throw Missing("tenancy", CliEnvironment.Tenancy);
        string user = values.User ?? throw Missing("user", CliEnvironment.User);
        string fingerprint = values.Fingerprint ?? throw Missing("fingerprint", CliEnvironment.Fingerprint);
        if (values.KeyContent is { } pem)
        {
            return ApiKeySigner.FromPem(tenancy, user, fingerprint, pem, values.PassPhrase);
        }

        string keyFile = values.KeyFile ?? throw Missing("key_file", CliEnvironment.KeyFile + " or " + CliEnvironment.KeyContent);
        await WarnAsync(stderr, keyFile).ConfigureAwait(false);
        return new ApiKeySigner(tenancy, user, fingerprint, keyFile, values.PassPhrase);
    }

    private static CliUsageException Missing(string key, string variable) =>
        new($"The API key signer needs '{key}': set it in the config profile or in {variable}.");

    private static async Task WarnAsync(TextWriter stderr, string path)
    {
        if (FilePermissionWarning.For(path) is { } warning)
        {
            await stderr.WriteLineAsync(warning).ConfigureAwait(false);
        }
    }
}
