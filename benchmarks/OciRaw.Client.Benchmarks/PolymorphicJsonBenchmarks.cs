using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OciRaw.Infrastructure;

namespace OciRaw.Client.Benchmarks;

/// <summary>
/// Reading 100 polymorphic values (LaunchInstance's <c>sourceDetails</c> shape) with the discriminator first, as
/// System.Text.Json writes it, and last, where OCI may put it: OciRaw's look-ahead on a copy of the reader against
/// System.Text.Json source generation with AllowOutOfOrderMetadataProperties.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PolymorphicJsonBenchmarks
{
    private byte[] _first = [];
    private byte[] _last = [];

    [GlobalSetup]
    public void Setup()
    {
        var first = new StringBuilder("{\"sources\":[");
        var last = new StringBuilder("{\"sources\":[");
        for (int i = 0; i < 100; i++)
        {
            string separator = i == 0 ? string.Empty : ",";
            string members = i % 2 == 0
                ? $"\"imageId\":\"ocid1.image.oc1.phx.aaaaaaaa{i:D8}\",\"bootVolumeSizeInGBs\":{50 + i},\"kmsKeyId\":\"ocid1.key.oc1.phx.bbbbbbbb{i:D8}\""
                : $"\"bootVolumeId\":\"ocid1.bootvolume.oc1.phx.cccccccc{i:D8}\"";
            string discriminator = i % 2 == 0 ? "\"sourceType\":\"image\"" : "\"sourceType\":\"bootVolume\"";
            first.Append(separator).Append('{').Append(discriminator).Append(',').Append(members).Append('}');
            last.Append(separator).Append('{').Append(members).Append(',').Append(discriminator).Append('}');
        }

        _first = Encoding.UTF8.GetBytes(first.Append("]}").ToString());
        _last = Encoding.UTF8.GetBytes(last.Append("]}").ToString());
    }

    [Benchmark(Baseline = true), BenchmarkCategory("DiscriminatorFirst")]
    public SourceList StjFirst() => JsonSerializer.Deserialize(_first, PolymorphicJsonContext.Default.SourceList)!;

    [Benchmark, BenchmarkCategory("DiscriminatorFirst")]
    public SourceList GeneratedFirst() => OciClientRuntime.Deserialize(_first, OciRaw.Generated.OciRaw_Client_Benchmarks_SourceList_Json.Read);

    [Benchmark(Baseline = true), BenchmarkCategory("DiscriminatorLast")]
    public SourceList StjLast() => JsonSerializer.Deserialize(_last, PolymorphicJsonContext.Default.SourceList)!;

    [Benchmark, BenchmarkCategory("DiscriminatorLast")]
    public SourceList GeneratedLast() => OciClientRuntime.Deserialize(_last, OciRaw.Generated.OciRaw_Client_Benchmarks_SourceList_Json.Read);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "sourceType")]
[JsonDerivedType(typeof(ImageSource), "image")]
[JsonDerivedType(typeof(BootVolumeSource), "bootVolume")]
public abstract class SourceDetails
{
}

public sealed class ImageSource : SourceDetails
{
    public string? ImageId { get; set; }

    [JsonPropertyName("bootVolumeSizeInGBs")]
    public long? BootVolumeSizeInGBs { get; set; }

    public string? KmsKeyId { get; set; }
}

public sealed class BootVolumeSource : SourceDetails
{
    public string? BootVolumeId { get; set; }
}

public sealed class SourceList
{
    public List<SourceDetails>? Sources { get; set; }
}

public partial interface IPolymorphicBench
{
    [OciEndpoint("POST /sources")]
    Task<SourceList> EchoAsync([OciBody] SourceList body);
}

[JsonSerializable(typeof(SourceList))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, AllowOutOfOrderMetadataProperties = true)]
internal sealed partial class PolymorphicJsonContext : JsonSerializerContext
{
}
