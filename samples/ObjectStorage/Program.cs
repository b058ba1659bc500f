using OciRaw;
using OciRaw.Samples.ObjectStorage;
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

if (options.ShowHelp)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}

var settings = new UploadSettings(options.Size, options.Parallelism) { ProgressInPlace = !Console.IsOutputRedirected };
try
{
    Console.WriteLine("OciRaw sample: Object Storage");
    if (options.UseEmulator)
    {
        await using OciEmulator emulator = await OciEmulator.StartAsync();
        TestTenancy tenancy = emulator.CreateTenancy();
        Console.WriteLine($"Endpoint: {emulator.BaseAddress} (the embedded OCI emulator, in this process; pass --config-file to use a real tenancy)");
        using OciSigner signer = SignerFrom(OciConfig.FromFile(tenancy.ConfigFile));
        // The generated factory builds the whole pipeline (retry, signing, connection pool); the emulator is its endpoint.
        IObjectStorage client = IObjectStorage.Create(signer, tenancy.Region, new OciClientOptions { Endpoint = emulator.BaseAddress });
        await new UploadWalkthrough(client, tenancy.TenancyId, Console.Out, settings).RunAsync();
    }
    else
    {
        OciConfig config = OciConfig.FromFile(options.ConfigFile, options.Profile);
        string region = options.Region ?? config.Region
            ?? throw new ArgumentException($"The profile [{config.Profile}] has no region: pass --region.");
        Console.WriteLine($"Region:   {(options.Endpoint is null ? region : options.Endpoint)} (profile [{config.Profile}] of {config.FilePath})");
        using OciSigner signer = SignerFrom(config);
        // The region (or its short code, e.g. iad) is resolved through the region table into objectstorage.<region>.oci.<domain>.
        IObjectStorage client = IObjectStorage.Create(signer, region, new OciClientOptions { Endpoint = options.Endpoint });
        await new UploadWalkthrough(client, options.CompartmentId ?? config.Tenancy!, Console.Out, settings).RunAsync();
    }

    return 0;
}
catch (OciException e)
{
    // Every OCI failure: config, key, region, authentication, a service error, or a response that does not fit its type.
    bool callFailed = e is OciServiceException or OciJsonException or OciEmptyBodyException or OciHeaderException;
    Console.Error.WriteLine((callFailed ? "Failed: " : "Error: ") + e.Message);
    return callFailed ? 1 : 2;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("Error: " + e.Message);
    return 2;
}
catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or InvalidOperationException)
{
    // The network or the disk (not OCI) failed, or one of the sample's own checks did.
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
