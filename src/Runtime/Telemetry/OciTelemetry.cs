using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OciRaw;

/// <summary>
/// OciRaw's traces and metrics, through System.Diagnostics so the runtime stays BCL-only: OpenTelemetry subscribes with
/// <c>AddSource("OciRaw")</c> / <c>AddMeter("OciRaw")</c>, and any <see cref="ActivityListener"/> or
/// <see cref="MeterListener"/> sees the same. With nobody listening each call costs one flag check per instrument.
/// Nothing recorded carries a secret, a token, a signature or a query value.
/// </summary>
public static class OciTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
    public const string Name = "OciRaw";

    internal static readonly ActivitySource Source = new(Name, typeof(OciTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(OciTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The duration of each attempt, until its response headers (OpenTelemetry's http.client.request.duration, per OCI attempt).</summary>
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "oci.client.request.duration", "s", "Duration of each OCI request attempt, until the response headers arrived.");

    /// <summary>Retries started, tagged with why.</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "oci.client.retries", "{retry}", "OCI request attempts that were retried, by reason.");

    /// <summary>Security tokens fetched by instance- and resource-principal signers.</summary>
    internal static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>(
        "oci.client.token_refreshes", "{refresh}", "Security tokens fetched by token-based signers.");
}
