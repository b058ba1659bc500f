using System.Text.Json.Serialization;

namespace OciRaw.Samples.IdentityUsers;

/// <summary>System.Text.Json source generation for the raw-request step (NativeAOT needs no reflection there either).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
