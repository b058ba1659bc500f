namespace OciRaw.TestSupport;

/// <summary>
/// Tests that set process environment variables (HOME, OCI_REGION, OCI_CONFIG_FILE) belong to this collection: xunit
/// runs it alone, after every parallel collection, so no other test sees the changed variables. xunit reads collection
/// definitions from the test assembly only, so each test project that uses the group declares it
/// (<c>[CollectionDefinition(EnvironmentTestGroup.Name, DisableParallelization = true)]</c>) with this name.
/// </summary>
public static class EnvironmentTestGroup
{
    public const string Name = "Environment";
}
