namespace OciRaw;

/// <summary>Where a <see cref="ResourcePrincipalsSigner"/> finds its settings, and its clock.</summary>
public sealed class ResourcePrincipalsSignerOptions : OciSignerOptions
{
    private Func<string, string?> _environmentVariables = Environment.GetEnvironmentVariable;

    /// <summary>
    /// Looks up an <c>OCI_RESOURCE_PRINCIPAL_*</c> setting by its variable name; null when it is not set. Default: the
    /// process environment, where OCI Functions and Data Science put them. A host that receives them another way (a
    /// configuration system, a secret store, a child process's environment block) gives its own lookup.
    /// </summary>
    public Func<string, string?> EnvironmentVariables
    {
        get => _environmentVariables;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _environmentVariables = value;
        }
    }
}
