namespace OciRaw.Samples.IdentityUsers;

/// <summary>Command-line options: none runs against the embedded emulator; --config-file targets a real tenancy.</summary>
public sealed class SampleOptions
{
    public const string Usage = """
        Usage: IdentityUsers [--config-file FILE [--profile NAME] [--endpoint URL | --region REGION] [--compartment-id OCID]]
               IdentityUsers --auth instance_principal [--endpoint URL | --region REGION] [--compartment-id OCID]

        With no options, starts the embedded OCI emulator (OciRaw.Testing) and walks through create, get, list,
        update and delete of Identity users, then the same create as a raw signed request.
        With --config-file, runs the same steps against a real tenancy (users are created in the tenancy and deleted
        at the end). The endpoint defaults to https://identity.<region>.oci.oraclecloud.com, the region to the
        profile's, the compartment to the profile's tenancy.
        With --auth instance_principal, signs as the compute instance (instance metadata service + federation): with
        no --endpoint or --region, through the embedded emulator's metadata service; otherwise against OCI from an
        instance, in the instance's tenancy unless --compartment-id says otherwise.
        """;

    public string? ConfigFile { get; private init; }

    public string Profile { get; private init; } = "DEFAULT";

    public Uri? Endpoint { get; private init; }

    public string? Region { get; private init; }

    public string? CompartmentId { get; private init; }

    public bool InstancePrincipal { get; private init; }

    /// <summary>No config file and no endpoint: everything runs against the embedded emulator.</summary>
    public bool UseEmulator => ConfigFile is null && Endpoint is null && Region is null;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for people.</summary>
    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is not ("--config-file" or "--profile" or "--endpoint" or "--region" or "--compartment-id" or "--auth"))
            {
                throw new ArgumentException($"Unknown argument '{name}'.");
            }

            // An empty value (e.g. --config-file "$UNSET") is no value: it must not fall back to ~/.oci/config.
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                throw new ArgumentException($"'{name}' needs a value.");
            }

            if (!values.TryAdd(name, args[++i]))
            {
                throw new ArgumentException($"'{name}' is given twice.");
            }
        }

        bool instancePrincipal = values.GetValueOrDefault("--auth") switch
        {
            null or "api_key" => false,
            "instance_principal" => true,
            string other => throw new ArgumentException($"--auth '{other}' is not one of api_key, instance_principal."),
        };
        if (instancePrincipal && values.ContainsKey("--config-file"))
        {
            throw new ArgumentException("--auth instance_principal uses no config file: remove --config-file.");
        }

        string[] tenancyOptions = instancePrincipal ? ["--profile"] : ["--profile", "--endpoint", "--region", "--compartment-id"];
        if (!values.ContainsKey("--config-file") && tenancyOptions.FirstOrDefault(values.ContainsKey) is { } orphan)
        {
            throw new ArgumentException($"'{orphan}' only applies to a real tenancy: add --config-file.");
        }

        if (values.ContainsKey("--endpoint") && values.ContainsKey("--region"))
        {
            throw new ArgumentException("Give --endpoint or --region, not both.");
        }

        Uri? endpoint = null;
        if (values.TryGetValue("--endpoint", out string? endpointText)
            && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("https" or "http")))
        {
            throw new ArgumentException($"--endpoint '{endpointText}' is not an absolute http(s) URL.");
        }

        return new SampleOptions
        {
            ConfigFile = values.GetValueOrDefault("--config-file"),
            Profile = values.GetValueOrDefault("--profile") ?? "DEFAULT",
            Endpoint = endpoint,
            Region = values.GetValueOrDefault("--region"),
            CompartmentId = values.GetValueOrDefault("--compartment-id"),
            InstancePrincipal = instancePrincipal,
        };
    }
}
