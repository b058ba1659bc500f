using System.Text;
using System.Text.Json;
using OciRaw.Infrastructure;

namespace OciRaw.Client.Tests.Json;

/// <summary>Reads and writes with a generated serializer the way the client does, for the focused tests.</summary>
internal static class JsonTestSupport
{
    public static T Read<T>(string json, OciJsonReadFunc<T> read) => OciClientRuntime.Deserialize(Encoding.UTF8.GetBytes(json), read);

    public static string Write<T>(T value, OciJsonWriteAction<T> write) => Encoding.UTF8.GetString(ShapeCase<T>.WriteOurs(write, value));

    public static T StjRead<T>(string json) => JsonSerializer.Deserialize<T>(json, Stj.Options)!;

    public static OciJsonException ReadError<T>(string json, OciJsonReadFunc<T> read) =>
        Assert.Throws<OciJsonException>(() => Read(json, read));
}
