using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>One generated file of serializers: the types of a namespace that share an initial (<see cref="JsonTypeModel.FileName"/>).</summary>
[DebuggerDisplay("{HintName,nq} ({Types.Count} types)")]
internal sealed record JsonFileModel
{
    public required string HintName { get; init; }

    /// <summary>The types, each once, ordered by serializer name so that the file does not depend on which interface reached them first.</summary>
    public required EquatableArray<JsonTypeModel> Types { get; init; }

    /// <summary>
    /// The files for <paramref name="types"/>: one serializer per type even when several interfaces reach it (the first
    /// model of a name is kept; all are equal unless their interfaces were parsed against different states of it),
    /// grouped by file name. File names are compared as Roslyn compares hint names, ignoring case, so that types whose
    /// namespaces differ only in case share a file rather than collide.
    /// </summary>
    public static IEnumerable<JsonFileModel> Group(ImmutableArray<JsonTypeModel> types)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new SortedDictionary<string, List<JsonTypeModel>>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonTypeModel type in types)
        {
            if (!seen.Add(type.SerializerClassName))
            {
                continue;
            }

            if (!files.TryGetValue(type.FileName, out List<JsonTypeModel>? file))
            {
                files[type.FileName] = file = new List<JsonTypeModel>();
            }

            file.Add(type);
        }

        foreach (List<JsonTypeModel> file in files.Values)
        {
            file.Sort(static (x, y) => string.CompareOrdinal(x.SerializerClassName, y.SerializerClassName));
            yield return new JsonFileModel { HintName = file[0].FileName, Types = file.ToEquatableArray() };
        }
    }
}
