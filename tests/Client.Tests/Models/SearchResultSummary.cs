namespace OciRaw.Client.Tests.Models;

/// <summary>Logging Search: the summary of a SearchLogs page.</summary>
public sealed class SearchResultSummary
{
    public int ResultCount { get; set; }
    public int FieldCount { get; set; }
}
