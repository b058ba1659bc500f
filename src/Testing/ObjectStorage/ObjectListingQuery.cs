namespace OciRaw.Testing;

/// <summary>Reads ListObjects' query (<c>prefix</c>, <c>start</c>, <c>startAfter</c>, <c>end</c>, <c>limit</c>, <c>delimiter</c>, <c>fields</c>).</summary>
internal static class ObjectListingQuery
{
    /// <summary>Null with the listing, or why the query is invalid.</summary>
    public static string? Read(ObjectStorageCall call, out ObjectListing? listing)
    {
        listing = null;
        if (ObjectListing.TryParseLimit(call.Query("limit"), out int limit) is { } limitProblem)
        {
            return limitProblem;
        }

        string? delimiter = call.Query("delimiter");
        if (delimiter is not null && delimiter != "/")
        {
            return $"Only '/' is a supported delimiter (it is '{delimiter}').";
        }

        var fields = new HashSet<string>(StringComparer.Ordinal) { "name" };
        foreach (string field in (call.Query("fields") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ObjectListing.KnownFields.Contains(field, StringComparer.Ordinal))
            {
                return $"The field '{field}' is not one of {string.Join(", ", ObjectListing.KnownFields)}.";
            }

            fields.Add(field);
        }

        listing = new ObjectListing
        {
            Prefix = call.Query("prefix"),
            Start = call.Query("start"),
            StartAfter = call.Query("startAfter"),
            End = call.Query("end"),
            Delimiter = delimiter,
            Limit = limit,
            Fields = fields,
        };
        return null;
    }
}
