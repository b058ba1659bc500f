namespace OciRaw.Tests;

/// <summary>This assembly's definition of <see cref="EnvironmentTestGroup"/>: run alone, after every parallel collection.</summary>
[CollectionDefinition(EnvironmentTestGroup.Name, DisableParallelization = true)]
public sealed class EnvironmentGroupDefinition
{
}
