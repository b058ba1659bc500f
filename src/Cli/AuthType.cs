namespace OciRaw.Cli;

/// <summary>The values of <c>--auth</c> and OCI_CLI_AUTH, spelled as the OCI CLI spells them (cli_constants.py).</summary>
internal static class AuthType
{
    public const string ApiKey = "api_key";
    public const string SecurityToken = "security_token";
    public const string InstancePrincipal = "instance_principal";
    public const string ResourcePrincipal = "resource_principal";
    public const string InstanceOboUser = "instance_obo_user";
    public const string OkeWorkloadIdentity = "oke_workload_identity";

    public static readonly string[] All = [ApiKey, SecurityToken, InstancePrincipal, ResourcePrincipal, InstanceOboUser, OkeWorkloadIdentity];
}
