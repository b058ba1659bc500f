namespace OciRaw.Client.Tests.Models;

/// <summary>Logging Search: the body of SearchLogs, sent with every page.</summary>
public sealed class SearchLogsDetails
{
    public DateTimeOffset TimeStart { get; set; }
    public DateTimeOffset TimeEnd { get; set; }
    public string SearchQuery { get; set; } = "";
    public bool? IsReturnFieldInfo { get; set; }
}
