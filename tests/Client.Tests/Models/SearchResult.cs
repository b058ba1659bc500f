using System.Text.Json;

namespace OciRaw.Client.Tests.Models;

/// <summary>Logging Search: one result of SearchLogs.</summary>
public sealed class SearchResult
{
    public JsonElement Data { get; set; }
}
