namespace OciRaw.Client.Tests.Models;

/// <summary>License Manager: a license record, whose dates are full-dates (<c>"2026-09-12"</c>).</summary>
public sealed class LicenseRecord
{
    public string Id { get; set; } = "";
    public DateOnly? ExpirationDate { get; set; }
    public DateOnly StartDate { get; set; }
}
