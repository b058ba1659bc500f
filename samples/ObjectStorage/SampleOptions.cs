using System.Globalization;

namespace OciRaw.Samples.ObjectStorage;

/// <summary>
/// Command-line options: none runs against the embedded emulator; --config-file targets a real tenancy. Sizes are
/// bytes with a unit (KiB, MiB, GiB; a bare number is MiB).
/// </summary>
public sealed class SampleOptions
{
    public const long MiB = 1024 * 1024;

    /// <summary>The size of each uploaded part (the last one may be smaller).</summary>
    public const int PartSize = 16 * (int)MiB;

    /// <summary>OCI's limit on the number of parts of one upload.</summary>
    public const int MaxParts = 10_000;

    public const int MaxParallelism = 64;

    private static readonly string[] TenancyOptions = ["--profile", "--region", "--endpoint", "--compartment-id"];

    public const string Usage = """
        Usage: ObjectStorage [--size SIZE] [--parallelism N]
                             [--config-file FILE [--profile NAME] [--region REGION | --endpoint URL] [--compartment-id OCID]]

        Creates a bucket, generates a file of SIZE (default 256MiB; units KiB, MiB, GiB, a bare number is MiB) in a
        temporary folder, uploads it in 16 MiB parts, N at a time (default 4), each with its content-md5, lists the
        bucket, downloads the object as a stream and compares SHA-256, reads its metadata with HEAD, and deletes
        the object, the bucket and the file.
        With no --config-file, everything runs against the embedded OCI emulator (OciRaw.Testing).
        With --config-file, against a real tenancy: the region defaults to the profile's, the compartment (where the
        bucket is created) to the profile's tenancy.
        """;

    public long Size { get; private init; } = 256 * MiB;

    public int Parallelism { get; private init; } = 4;

    public string? ConfigFile { get; private init; }

    public string Profile { get; private init; } = "DEFAULT";

    public string? Region { get; private init; }

    public Uri? Endpoint { get; private init; }

    public string? CompartmentId { get; private init; }

    public bool ShowHelp { get; private init; }

    /// <summary>No config file: everything runs against the embedded emulator.</summary>
    public bool UseEmulator => ConfigFile is null;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for people.</summary>
    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        if (args is ["--help" or "-h"])
        {
            return new SampleOptions { ShowHelp = true };
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is not ("--size" or "--parallelism" or "--config-file" or "--profile" or "--region" or "--endpoint" or "--compartment-id"))
            {
                throw new ArgumentException($"Unknown argument '{name}'.");
            }

            // An empty value (e.g. --config-file "$UNSET") is no value: it must not fall back to a default.
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                throw new ArgumentException($"'{name}' needs a value.");
            }

            if (!values.TryAdd(name, args[++i]))
            {
                throw new ArgumentException($"'{name}' is given twice.");
            }
        }

        if (!values.ContainsKey("--config-file") && TenancyOptions.FirstOrDefault(values.ContainsKey) is { } orphan)
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
            Size = values.TryGetValue("--size", out string? size) ? ParseSize(size) : 256 * MiB,
            Parallelism = values.TryGetValue("--parallelism", out string? parallelism) ? ParseParallelism(parallelism) : 4,
            ConfigFile = values.GetValueOrDefault("--config-file"),
            Profile = values.GetValueOrDefault("--profile") ?? "DEFAULT",
            Region = values.GetValueOrDefault("--region"),
            Endpoint = endpoint,
            CompartmentId = values.GetValueOrDefault("--compartment-id"),
        };
    }

    /// <summary>"256", "256MiB", "1GiB", "512KiB": a whole number of KiB, MiB (the default) or GiB.</summary>
    public static long ParseSize(string text)
    {
        (string digits, long unit) = text switch
        {
            _ when text.EndsWith("KiB", StringComparison.OrdinalIgnoreCase) => (text[..^3], 1024L),
            _ when text.EndsWith("MiB", StringComparison.OrdinalIgnoreCase) => (text[..^3], MiB),
            _ when text.EndsWith("GiB", StringComparison.OrdinalIgnoreCase) => (text[..^3], 1024 * MiB),
            _ => (text, MiB),
        };
        const long MaxSize = (long)MaxParts * PartSize;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long count) || count < 1 || count > MaxSize / unit)
        {
            throw new ArgumentException($"--size '{text}' is not a size from 1KiB to {MaxSize / (1024 * MiB)}GiB ({MaxParts} parts of 16 MiB): write e.g. 48, 48MiB, 512KiB or 1GiB.");
        }

        return count * unit;
    }

    private static int ParseParallelism(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parallelism) && parallelism is >= 1 and <= MaxParallelism
            ? parallelism
            : throw new ArgumentException($"--parallelism '{text}' is not a whole number from 1 to {MaxParallelism}.");
}
