namespace OciRaw.Client.Tests.Json;

/// <summary>
/// Generated serializers of polymorphic shapes ([JsonPolymorphic] / [JsonDerivedType]) against reflection-based
/// System.Text.Json (with AllowOutOfOrderMetadataProperties, so it reads a discriminator anywhere too), over
/// <see cref="DifferentialTests.InstancesPerShape"/> seeded random instances of every shape of
/// <see cref="PolymorphicShapeCatalog"/>: random derived types at every level, discriminator first (as STJ writes it),
/// last and shuffled, and unknown discriminator values. OCIRAW_JSON_SEED and OCIRAW_JSON_INSTANCES work as in
/// <see cref="DifferentialTests"/>.
/// </summary>
public sealed class PolymorphicDifferentialTests
{
    public static TheoryData<string> Shapes => new(PolymorphicShapeCatalog.All.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void At_least_fifteen_polymorphic_shapes_are_covered() =>
        Assert.True(PolymorphicShapeCatalog.All.Count >= 15, $"{PolymorphicShapeCatalog.All.Count} shapes");

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Write_matches_System_Text_Json_with_the_discriminator_first(string shape) =>
        DifferentialTests.ForEachSeed(shape, PolymorphicShapeCatalog.All[shape].CheckWrite);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_with_the_discriminator_first_matches_System_Text_Json(string shape) =>
        DifferentialTests.ForEachSeed(shape, PolymorphicShapeCatalog.All[shape].CheckRead);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_with_the_discriminator_last_matches_System_Text_Json(string shape) =>
        DifferentialTests.ForEachSeed(shape, PolymorphicShapeCatalog.All[shape].CheckDiscriminatorLastRead);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_of_shuffled_members_with_unknown_members_matches_System_Text_Json(string shape) =>
        DifferentialTests.ForEachSeed(shape, PolymorphicShapeCatalog.All[shape].CheckShuffledRead);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_of_an_unknown_discriminator_matches_System_Text_Json(string shape) =>
        DifferentialTests.ForEachSeed(shape, PolymorphicShapeCatalog.All[shape].CheckUnknownDiscriminator);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Own_output_round_trips(string shape) => DifferentialTests.ForEachSeed(shape, PolymorphicShapeCatalog.All[shape].CheckRoundTrip);
}
