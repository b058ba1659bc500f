using System.Text.Json;

namespace OciRaw.Testing;

/// <summary>CommitMultipartUploadDetails: the parts to commit (number and ETag) and the parts to exclude.</summary>
internal sealed class CommitList
{
    private CommitList(List<(int PartNum, string ETag)> parts, HashSet<int> excluded)
    {
        Parts = parts;
        Excluded = excluded;
    }

    /// <summary>The parts to commit, in part-number order (the order their bytes are joined in).</summary>
    public List<(int PartNum, string ETag)> Parts { get; }

    public HashSet<int> Excluded { get; }

    /// <summary>Null with the list, or why the body is not a commit list.</summary>
    public static string? Read(JsonElement details, out CommitList? commit)
    {
        commit = null;
        if (!details.TryGetProperty("partsToCommit", out JsonElement toCommit) || toCommit.ValueKind != JsonValueKind.Array)
        {
            return "partsToCommit is missing";
        }

        var parts = new List<(int, string)>();
        foreach (JsonElement item in toCommit.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("partNum", out JsonElement number) || !number.TryGetInt32(out int partNum)
                || RequestJson.OptionalString(item, "etag") is not { } etag)
            {
                return "a part to commit lacks partNum or etag";
            }

            parts.Add((partNum, etag));
        }

        var excluded = new HashSet<int>();
        if (details.TryGetProperty("partsToExclude", out JsonElement toExclude) && toExclude.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in toExclude.EnumerateArray())
            {
                if (!item.TryGetInt32(out int partNum))
                {
                    return "partsToExclude holds a value that is not a part number";
                }

                excluded.Add(partNum);
            }
        }

        commit = new CommitList(parts.OrderBy(p => p.Item1).ToList(), excluded);
        return null;
    }

    /// <summary>Null when the list commits existing parts by their current ETags and accounts for every uploaded part; otherwise why not.</summary>
    public string? Check(MultipartUpload upload)
    {
        if (Parts.Count == 0)
        {
            return "partsToCommit is empty: a multipart upload commits at least one part.";
        }

        var seen = new HashSet<int>();
        foreach ((int partNum, string etag) in Parts)
        {
            if (!seen.Add(partNum))
            {
                return $"Part {partNum} is listed twice in partsToCommit.";
            }

            if (Excluded.Contains(partNum))
            {
                return $"Part {partNum} is in both partsToCommit and partsToExclude.";
            }

            if (!upload.Parts.TryGetValue(partNum, out UploadedPart? part))
            {
                return $"Part {partNum} was not uploaded to upload '{upload.UploadId}'.";
            }

            if (part.ETag != etag)
            {
                return $"The etag '{etag}' given for part {partNum} is not the etag of its last upload ('{part.ETag}').";
            }
        }

        List<int> unaccounted = upload.Parts.Keys.Where(n => !seen.Contains(n) && !Excluded.Contains(n)).ToList();
        return unaccounted.Count == 0
            ? null
            : $"Every uploaded part must be in partsToCommit or partsToExclude; part(s) {string.Join(", ", unaccounted)} are in neither.";
    }
}
