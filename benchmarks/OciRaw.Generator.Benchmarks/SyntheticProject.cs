using System.Globalization;

namespace OciRaw.Generator.Benchmarks;

/// <summary>
/// The source of a large OCI client project: <c>services</c> services, each one file with a partial interface of ten
/// [OciEndpoint] methods and one file with its DTOs (a resource with 12 properties, a summary, create/update/change
/// details and a lifecycle enum), plus one unrelated file that the incremental benchmark edits.
/// </summary>
internal static class SyntheticProject
{
    public const int EndpointsPerInterface = 10;

    /// <summary>(path, text) of every file of the project.</summary>
    public static IEnumerable<(string Path, string Text)> Files(int services)
    {
        for (int i = 0; i < services; i++)
        {
            string n = i.ToString("D3", CultureInfo.InvariantCulture);
            yield return ($"Service{n}/IWidget{n}Client.cs", Interface(n));
            yield return ($"Service{n}/Widget{n}Models.cs", Models(n));
        }

        yield return (UnrelatedPath, Unrelated(0));
    }

    public const string UnrelatedPath = "App/Startup.cs";

    /// <summary>The DTO file of the first service, which <see cref="EditedModels"/> edits.</summary>
    public const string FirstModelsPath = "Service000/Widget000Models.cs";

    /// <summary>The first service's DTO file after edit number <paramref name="edit"/>: its resource gains a property.</summary>
    public static string EditedModels(int edit) =>
        Models("000").Replace(
            "public string Id { get; set; } = \"\";",
            $"public string Id {{ get; set; }} = \"\";\n    public int Extra{edit.ToString(CultureInfo.InvariantCulture)} {{ get; set; }}",
            StringComparison.Ordinal);

    /// <summary>
    /// The unrelated file after edit number <paramref name="edit"/>: a method body changes, or, with
    /// <paramref name="declaration"/>, a method's name (a declaration nothing generated depends on).
    /// </summary>
    public static string Unrelated(int edit, bool declaration = false) => $$"""
        using System;

        namespace Bench.App;

        public static class Startup
        {
            public static int {{(declaration ? "RetryCount" + edit.ToString(CultureInfo.InvariantCulture) : "RetryCount")}}() => {{edit.ToString(CultureInfo.InvariantCulture)}};

            public static string Describe(int value) => "value " + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    private static string Interface(string n) => $$"""
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using OciRaw;

        namespace Bench.Service{{n}};

        public partial interface IWidget{{n}}Client
        {
            [OciEndpoint("GET /20160918/widget{{n}}s/{widgetId}")]
            Task<OciResponse<Widget{{n}}>> GetWidgetAsync(string widgetId, CancellationToken cancellationToken = default);

            [OciEndpoint("GET /20160918/widget{{n}}s")]
            IAsyncEnumerable<Widget{{n}}Summary> ListWidgetsAsync([OciQuery] string compartmentId, [OciQuery] int? limit = null,
                [OciQuery] Widget{{n}}State? lifecycleState = null, [OciQuery] string? displayName = null, CancellationToken cancellationToken = default);

            [OciEndpoint("POST /20160918/widget{{n}}s")]
            Task<Widget{{n}}> CreateWidgetAsync([OciBody] CreateWidget{{n}}Details details,
                [OciHeader("opc-retry-token")] string? retryToken = null, CancellationToken cancellationToken = default);

            [OciEndpoint("PUT /20160918/widget{{n}}s/{widgetId}")]
            Task<Widget{{n}}> UpdateWidgetAsync(string widgetId, [OciBody] UpdateWidget{{n}}Details details,
                [OciHeader("if-match")] string? ifMatch = null, CancellationToken cancellationToken = default);

            [OciEndpoint("DELETE /20160918/widget{{n}}s/{widgetId}")]
            Task DeleteWidgetAsync(string widgetId, [OciHeader("if-match")] string? ifMatch = null, CancellationToken cancellationToken = default);

            [OciEndpoint("POST /20160918/widget{{n}}s/{widgetId}/actions/changeCompartment")]
            Task ChangeWidgetCompartmentAsync(string widgetId, [OciBody] ChangeWidget{{n}}CompartmentDetails details,
                CancellationToken cancellationToken = default);

            [OciEndpoint("POST /20160918/widget{{n}}s/{widgetId}/actions/start")]
            Task<Widget{{n}}> StartWidgetAsync(string widgetId, CancellationToken cancellationToken = default);

            [OciEndpoint("POST /20160918/widget{{n}}s/{widgetId}/actions/stop")]
            Task<Widget{{n}}> StopWidgetAsync(string widgetId, CancellationToken cancellationToken = default);

            [OciEndpoint("GET /20160918/widget{{n}}s/{widgetId}/content")]
            Task<Stream> GetWidgetContentAsync(string widgetId, CancellationToken cancellationToken = default);

            [OciEndpoint("GET /20160918/widget{{n}}s/{widgetId}/tags")]
            Task<Dictionary<string, string>> GetWidgetTagsAsync(string widgetId, [OciQuery] List<string>? keys = null,
                CancellationToken cancellationToken = default);
        }
        """;

    private static string Models(string n) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;

        namespace Bench.Service{{n}};

        public enum Widget{{n}}State
        {
            UnknownEnumValue,
            [JsonStringEnumMemberName("CREATING")] Creating,
            [JsonStringEnumMemberName("ACTIVE")] Active,
            [JsonStringEnumMemberName("UPDATING")] Updating,
            [JsonStringEnumMemberName("DELETING")] Deleting,
            [JsonStringEnumMemberName("DELETED")] Deleted,
            [JsonStringEnumMemberName("FAILED")] Failed,
        }

        public sealed class Widget{{n}}
        {
            public string Id { get; set; } = "";
            public string CompartmentId { get; set; } = "";
            public string? DisplayName { get; set; }
            public string? Description { get; set; }
            public DateTimeOffset TimeCreated { get; set; }
            public DateTimeOffset? TimeUpdated { get; set; }
            public Widget{{n}}State LifecycleState { get; set; }
            public long SizeInGbs { get; set; }
            public bool? IsEnabled { get; set; }
            public List<string>? Tags { get; set; }
            public Dictionary<string, string>? FreeformTags { get; set; }
            public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; set; }
        }

        public sealed class Widget{{n}}Summary
        {
            public string Id { get; set; } = "";
            public string? DisplayName { get; set; }
            public Widget{{n}}State LifecycleState { get; set; }
            public DateTimeOffset TimeCreated { get; set; }
        }

        public sealed record CreateWidget{{n}}Details(string CompartmentId, string DisplayName)
        {
            public string? Description { get; init; }
            public long? SizeInGbs { get; init; }
            public Dictionary<string, string>? FreeformTags { get; init; }
            public Dictionary<string, Dictionary<string, JsonElement>>? DefinedTags { get; init; }
        }

        public sealed class UpdateWidget{{n}}Details
        {
            [JsonPropertyName("displayName")] public string? Name { get; set; }
            public string? Description { get; set; }
            public Dictionary<string, string>? FreeformTags { get; set; }
        }

        public sealed class ChangeWidget{{n}}CompartmentDetails
        {
            public string CompartmentId { get; set; } = "";
        }
        """;

    /// <summary>Counts the text of every file, for the report.</summary>
    public static (int Files, int Lines) Size(int services)
    {
        int files = 0, lines = 0;
        foreach ((_, string text) in Files(services))
        {
            files++;
            lines += text.Split('\n').Length;
        }

        return (files, lines);
    }
}
