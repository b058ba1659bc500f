using System.IO.Compression;
using System.Text.Json;

namespace OciRaw.Corpus.Description;

/// <summary>OCI's published API as extract.py wrote it: every service, client, operation and model of the SDK snapshot.</summary>
public sealed record ApiDescription(string Description, SdkSnapshot PythonSdk, SdkSnapshot GoSdk, IReadOnlyList<ApiService> Services)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the gzipped JSON description.</summary>
    public static ApiDescription Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<ApiDescription>(gzip, Options)
            ?? throw new InvalidDataException($"The API description '{path}' is JSON null.");
    }

    /// <summary>Every operation with the service and client it belongs to.</summary>
    public IEnumerable<(ApiService Service, ApiClient Client, ApiOperation Operation)> Operations =>
        from service in Services from client in service.Clients from operation in client.Operations select (service, client, operation);
}
