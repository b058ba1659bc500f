namespace OciRaw.Client.Tests.Json;

/// <summary>License Manager style dates (<c>"2026-09-12"</c>) in every position a value can take.</summary>
public sealed class DateOnlyValues
{
    public DateOnly Start { get; set; }
    public DateOnly? Expiration { get; set; }
    public List<DateOnly>? Renewals { get; set; }
    public DateOnly?[]? Gaps { get; set; }
    public Dictionary<string, DateOnly>? ByRegion { get; set; }
}

/// <summary>Reaches <see cref="DateOnlyValues"/> so that it gets a generated serializer.</summary>
public partial interface IDateOnlyShapes
{
    [OciEndpoint("POST /dates")]
    Task<DateOnlyValues> EchoAsync([OciBody] DateOnlyValues value);
}
