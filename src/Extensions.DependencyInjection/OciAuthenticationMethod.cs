namespace OciRaw.Extensions.DependencyInjection;

/// <summary>How the signer shared by every OCI client of a container authenticates (configuration key <c>Auth</c>).</summary>
public enum OciAuthenticationMethod
{
    /// <summary>A profile of an OCI config file: an API key, or a session token (<c>security_token_file</c>).</summary>
    ConfigFile,

    /// <summary>The compute instance the application runs on (<see cref="InstancePrincipalsSigner"/>).</summary>
    InstancePrincipal,

    /// <summary>The OCI resource the application runs as: Functions, Data Science, ... (<see cref="ResourcePrincipalsSigner"/>).</summary>
    ResourcePrincipal,
}
