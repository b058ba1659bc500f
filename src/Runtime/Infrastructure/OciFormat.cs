using System.ComponentModel;
using System.Globalization;

namespace OciRaw.Infrastructure;

/// <summary>
/// How path and query values are written: invariant culture, lowercase booleans, RFC 3339 UTC date-times with every
/// fraction digit the value has (<c>2026-01-02T03:04:05.6780001Z</c>, <c>2026-01-02T03:04:05Z</c>: the Go SDK's
/// RFC3339Nano, which also drops trailing zeros) and dates as <c>2026-09-12</c>, as the OCI SDKs send them.
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

    /// <summary>RFC 3339 in UTC with the value's full precision, trailing zeros dropped: <c>2026-01-02T03:04:05.678Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC with full precision; an unspecified kind is taken as UTC.</summary>
    public static string Format(DateTime value) =>
        Format(new DateTimeOffset(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime()));

    /// <summary>An RFC 3339 full-date: <c>2026-09-12</c> (also the JSON form of a <see cref="DateOnly"/>).</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
}
