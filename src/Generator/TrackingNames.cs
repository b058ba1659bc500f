namespace OciRaw.Generator;

/// <summary>Names of the tracked pipeline steps; tests read them to check that every step caches.</summary>
public static class TrackingNames
{
    /// <summary>An interface parsed into its model.</summary>
    public const string Interface = nameof(Interface);

    /// <summary>Interfaces that can get a client.</summary>
    public const string Client = nameof(Client);

    /// <summary>All DTO and enum models, before de-duplication.</summary>
    public const string JsonTypes = nameof(JsonTypes);

    /// <summary>Distinct DTO and enum models, one per serializer file.</summary>
    public const string JsonType = nameof(JsonType);

    /// <summary>[OciService] interfaces that get a service factory.</summary>
    public const string Service = nameof(Service);
}
