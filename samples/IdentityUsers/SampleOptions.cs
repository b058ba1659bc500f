namespace OciRaw.Samples.IdentityUsers;

/// <summary>Command-line options: none runs against the embedded emulator; --config-file targets a real tenancy.</summary>
public sealed class SampleOptions
{
    public const string Usage = """
        Usage: IdentityUsers [--config-file FILE [--profile NAME] [--endpoint URL | --region REGION] [--compartment-id OCID]]

        With no options, starts the embedded OCI emulator (OciRaw.Testing) and walks through create, get, list,
        update and delete of Identity users, then the same create as a raw signed request.
        With --config-file, runs the same steps against a real tenancy (users are created in the tenancy and deleted
        at the end). The endpoint defaults to https://identity.<region>.oci.oraclecloud.com, the region to the
        profile's, the compartment to the profile's tenancy.
        """;

    public string? ConfigFile { get; private init; }

    public string Profile { get; private init; } = "DEFAULT";

    public Uri? Endpoint { get; private init; }

    public string? Region { get; private init; }

    public string? CompartmentId { get; private init; }

    public bool UseEmulator => ConfigFile is null;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for people.</summary>
    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is not ("--config-file" or "--profile" or "--endpoint" or "--region" or "--compartment-id"))
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

        if (!values.ContainsKey("--config-file") && values.Count > 0)
        {
            throw new ArgumentException($"'{values.Keys.First()}' only applies to a real tenancy: add --config-file.");
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
        };
    }
}
