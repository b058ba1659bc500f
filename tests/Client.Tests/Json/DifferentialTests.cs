namespace OciRaw.Client.Tests.Json;

/// <summary>
/// Generated serializers against reflection-based System.Text.Json (camelCase, WhenWritingNull, string enums) on
/// every shape of <see cref="ShapeCatalog"/>, over <see cref="InstancesPerShape"/> seeded random instances each.
/// A failure names the shape and the seed; set OCIRAW_JSON_SEED to run just that seed, and OCIRAW_JSON_INSTANCES to
/// run more instances.
/// </summary>
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

    private static void ForEachSeed(string shape, Action<int> check)
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
