namespace OciRaw.Client.Tests.Models;

/// <summary>Logging Search: a page of SearchLogs, <c>{"results": [...], "summary": {...}}</c> (not an OCI collection).</summary>
public sealed class SearchResponse
{
    public List<SearchResult> Results { get; set; } = [];
    public SearchResultSummary? Summary { get; set; }
}
