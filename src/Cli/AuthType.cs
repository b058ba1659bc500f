namespace OciRaw.Cli;

/// <summary>The values of <c>--auth</c>, spelled as the OCI CLI spells them.</summary>
internal static class AuthType
{
    public const string ApiKey = "api_key";
    public const string SecurityToken = "security_token";
    public const string InstancePrincipal = "instance_principal";
    public const string ResourcePrincipal = "resource_principal";

    public static readonly string[] All = [ApiKey, SecurityToken, InstancePrincipal, ResourcePrincipal];
}
