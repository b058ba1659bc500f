using System.Security.Cryptography;

namespace OciRaw;

/// <summary>
/// Makes <c>opc-request-id</c> values: 32 uppercase hex characters, the form the Python SDK sends. An id only has to be
/// unique (Oracle support looks a call up by it), not unpredictable, so it is a random 64-bit prefix drawn once per
/// process followed by a 64-bit counter: no random source and no Guid formatting per call (that cost about 1.7 µs of
/// every generated call).
/// </summary>
internal static class OpcRequestIds
{
    public const string HeaderName = "opc-request-id";

    private static readonly ulong ProcessPrefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private static long s_counter;

    public static string Create()
    {
        ulong sequence = (ulong)Interlocked.Increment(ref s_counter);
        return string.Create(32, sequence, static (chars, sequence) =>
        {
            ProcessPrefix.TryFormat(chars[..16], out _, "X16", System.Globalization.CultureInfo.InvariantCulture);
            sequence.TryFormat(chars[16..], out _, "X16", System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Adds an id unless the request already has one.</summary>
    public static void AddIfMissing(HttpRequestMessage request)
    {
        if (!request.Headers.NonValidated.Contains(HeaderName))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, Create());
        }
    }
}
