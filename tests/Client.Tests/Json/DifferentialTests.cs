namespace OciRaw.Client.Tests.Json;

/// <summary>
/// Generated serializers against reflection-based System.Text.Json (camelCase, WhenWritingNull, string enums) on
/// every shape of <see cref="ShapeCatalog"/>, over <see cref="InstancesPerShape"/> seeded random instances each.
/// A failure names the shape and the seed; set OCIRAW_JSON_SEED to run just that seed, and OCIRAW_JSON_INSTANCES to
/// run more instances.
/// </summary>
/// <remarks>
/// <para>Normalisation. Writes are compared byte for byte (escaping, number and date formats, member order), except for
/// shapes with a base class (DerivedEntity, RecordDerived, HidingEntity): STJ writes the derived type's members before
/// the base type's and OciRaw writes base members first, so those are compared as parsed JSON
/// (<c>JsonNode.DeepEquals</c>). No other normalisation is needed.</para>
/// <para>Objects are compared through STJ's own output for them (<see cref="Stj.Canonical"/>), which captures every
/// serialized member exactly, including DateTime kinds, offsets, decimal scale and -0.</para>
/// <para>Values left out of the random instances, each covered by a focused test instead: UnknownEnumValue and undefined
/// enum values (intentionally never written), a JSON-null element in a <c>JsonElement?</c> (reads back as null, in STJ
/// too), <c>default(JsonElement)</c> (STJ cannot write it), NaN and infinities (not JSON), lone surrogates.</para>
/// </remarks>
public sealed class DifferentialTests
{
    public const int InstancesPerShape = 50;

    public static TheoryData<string> Shapes => new(ShapeCatalog.All.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void At_least_twenty_shapes_are_covered() => Assert.True(ShapeCatalog.All.Count >= 20, $"{ShapeCatalog.All.Count} shapes");

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Write_matches_System_Text_Json(string shape) => ForEachSeed(shape, ShapeCatalog.All[shape].CheckWrite);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_of_System_Text_Json_output_matches_System_Text_Json(string shape) => ForEachSeed(shape, ShapeCatalog.All[shape].CheckRead);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_of_shuffled_output_with_unknown_members_matches_System_Text_Json(string shape) =>
        ForEachSeed(shape, ShapeCatalog.All[shape].CheckShuffledRead);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Own_output_round_trips(string shape) => ForEachSeed(shape, ShapeCatalog.All[shape].CheckRoundTrip);

    internal static void ForEachSeed(string shape, Action<int> check)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("OCIRAW_JSON_SEED"), out int only))
        {
            check(only);
            return;
        }

        int count = int.TryParse(Environment.GetEnvironmentVariable("OCIRAW_JSON_INSTANCES"), out int n) && n > 0 ? n : InstancesPerShape;
        int baseSeed = StableHash(shape);
        for (int i = 0; i < count; i++)
        {
            check(baseSeed + i);
        }
    }

    /// <summary>A per-shape seed base that, unlike string.GetHashCode, is the same in every process.</summary>
    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % 1_000_000) * 100;
    }
}
