namespace OciRaw.Tests;

/// <summary>
/// Tests that set process environment variables (HOME, OCI_REGION, OCI_CONFIG_FILE) belong to this collection: xunit
/// runs it alone, after every parallel collection, so no other test sees the changed variables.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentTestGroup
{
    public const string Name = "Environment";
}
