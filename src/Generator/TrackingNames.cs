namespace OciRaw.Generator;

/// <summary>Names of the tracked pipeline steps; tests read them to check that every step caches.</summary>
public static class TrackingNames
{
    /// <summary>
    /// One declaration snapshot per interface. Taken again on every compilation change (that is what makes it cheap
    /// to compare), so after any edit its outputs are Unchanged rather than Cached.
    /// </summary>
    public const string Snapshot = nameof(Snapshot);

    /// <summary>A new snapshot's interface parsed: its model and diagnostics, or a generator failure.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>An interface parsed into its model.</summary>
    public const string Interface = nameof(Interface);

    /// <summary>Interfaces that can get a client.</summary>
    public const string Client = nameof(Client);

    /// <summary>All DTO and enum models, before de-duplication.</summary>
    public const string JsonTypes = nameof(JsonTypes);

    /// <summary>Files of serializers: the distinct DTO and enum models of one namespace and initial each.</summary>
    public const string JsonFile = nameof(JsonFile);

    /// <summary>[OciService] interfaces that get a service factory.</summary>
    public const string Service = nameof(Service);
}
