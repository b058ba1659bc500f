namespace OciRaw.Extensions.DependencyInjection;

/// <summary>The signer part of OciRaw's configuration section, read and checked when the signer is registered.</summary>
internal sealed record SignerSettings(
    OciAuthenticationMethod Auth, string? ConfigFile, string Profile, Uri? MetadataBaseAddress, Uri? FederationEndpoint);
