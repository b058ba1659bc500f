using OciRaw;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing;

SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("Error: " + e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}

try
{
    if (options.UseEmulator)
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        Console.WriteLine("OciRaw sample: Identity users");
        if (options.InstancePrincipal)
        {
            EmulatedInstancePrincipals instance = emulator.InstancePrincipals;
            Console.WriteLine($"Endpoint: {emulator.BaseAddress} (the embedded OCI emulator, signing as an instance through its metadata service {instance.MetadataBaseAddress})");
            using var signer = new InstancePrincipalsSigner(new InstancePrincipalsSignerOptions
            {
                MetadataBaseAddress = instance.MetadataBaseAddress,
                FederationEndpoint = instance.FederationEndpoint,
            });
            await RunAsync(signer, emulator.BaseAddress, instance.TenancyId, extraUsers: 4);
        }
        else
        {
            TestTenancy tenancy = emulator.CreateTenancy();
            Console.WriteLine($"Endpoint: {emulator.BaseAddress} (the embedded OCI emulator; pass --config-file to use a real tenancy)");
            Console.WriteLine($"Config:   {tenancy.ConfigFile} (written by the emulator, read with OciConfig.FromFile)");
            using OciSigner signer = SignerFrom(OciConfig.FromFile(tenancy.ConfigFile));
            await RunAsync(signer, emulator.BaseAddress, tenancy.TenancyId, extraUsers: 4);
        }
    }
    else if (options.InstancePrincipal)
    {
        Uri endpoint = options.Endpoint ?? new Uri($"https://identity.{options.Region}.oci.oraclecloud.com");
        Console.WriteLine("OciRaw sample: Identity users");
        Console.WriteLine($"Endpoint: {endpoint} (signing as this instance: instance principals)");
        using var signer = new InstancePrincipalsSigner();
        await signer.RefreshSecurityTokenAsync();
        await RunAsync(signer, endpoint, options.CompartmentId ?? signer.TenancyId!, extraUsers: 0);
    }
    else
    {
        OciConfig config = OciConfig.FromFile(options.ConfigFile, options.Profile);
        string region = options.Region ?? config.Region
            ?? throw new ArgumentException("The profile has no region: pass --region or --endpoint.");
        Uri endpoint = options.Endpoint ?? new Uri($"https://identity.{region}.oci.oraclecloud.com");
        Console.WriteLine("OciRaw sample: Identity users");
        Console.WriteLine($"Endpoint: {endpoint} (profile [{config.Profile}] of {config.FilePath})");
        using OciSigner signer = SignerFrom(config); // whoever creates a signer disposes it (instance principals hold an HttpClient)
        await RunAsync(signer, endpoint, options.CompartmentId ?? config.Tenancy!, extraUsers: 0);
    }

    return 0;
}
catch (OciException e)
{
    // Every OCI failure: config, key, authentication, a service error, or a response that does not fit its type.
    bool callFailed = e is OciServiceException or OciJsonException or OciEmptyBodyException;
    Console.Error.WriteLine((callFailed ? "Failed: " : "Error: ") + e.Message);
    return callFailed ? 1 : 2;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("Error: " + e.Message);
    return 2;
}
catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
{
    // The network (not OCI) failed, or one of the walkthrough's own checks did.
    Console.Error.WriteLine("Failed: " + e.Message);
    return 1;
}

static OciSigner SignerFrom(OciConfig config)
{
    foreach (string warning in config.Warnings)
    {
        Console.Error.WriteLine("WARNING: " + warning);
    }

    return OciSigner.FromConfig(config);
}

static async Task RunAsync(OciSigner signer, Uri endpoint, string compartmentId, int extraUsers)
{
    using var http = new HttpClient(new OciSigningHandler(signer)) { BaseAddress = endpoint };
    await new Walkthrough(http, compartmentId, Console.Out, extraUsers).RunAsync();
}
