using OciRaw.Client.Tests.Models;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>License Manager: DateOnly in JSON, path and query; date-times in the query keep every digit.</summary>
public partial interface ILicenseManager
{
    [OciEndpoint("GET /20220430/licenseRecords/{licenseRecordId}")]
    Task<LicenseRecord> GetLicenseRecordAsync(string licenseRecordId);

    [OciEndpoint("PUT /20220430/licenseRecords/{licenseRecordId}")]
    Task<LicenseRecord> UpdateLicenseRecordAsync(string licenseRecordId, [OciBody] LicenseRecord details);

    [OciEndpoint("GET /20220430/expirations/{day}")]
    Task<List<LicenseRecord>> ListExpiringAsync(DateOnly day, [OciQuery] DateOnly? before = null, [OciQuery] DateTimeOffset? since = null,
        [OciQuery] DateTime? until = null);
}
