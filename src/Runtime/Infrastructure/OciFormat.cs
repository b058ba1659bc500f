using System.ComponentModel;
using System.Globalization;

namespace OciRaw.Infrastructure;

/// <summary>
/// How path and query values are written: invariant culture, lowercase booleans, and RFC 3339 UTC date-times with
/// milliseconds (<c>2026-01-02T03:04:05.678Z</c>), as the OCI SDKs send them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OciFormat
{
    /// <summary>Strings are sent as they are (escaping happens when they are placed in the URI).</summary>
    public static string Format(string value) => value;

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Invariant integer.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer.</summary>
    public static string Format(uint value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer.</summary>
    public static string Format(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer.</summary>
    public static string Format(short value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer.</summary>
    public static string Format(ushort value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer.</summary>
    public static string Format(byte value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Invariant integer.</summary>
    public static string Format(sbyte value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trippable invariant form.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trippable invariant form.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Invariant decimal.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lowercase hyphenated GUID.</summary>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>RFC 3339 in UTC with milliseconds: <c>2026-01-02T03:04:05.678Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC with milliseconds; an unspecified kind is taken as UTC.</summary>
    public static string Format(DateTime value) =>
        Format(new DateTimeOffset(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime()));
}
