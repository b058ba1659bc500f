using System.Text.Json.Serialization;

namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>SubmitRawEmail's content-type values.</summary>
public enum RawEmailContentType
{
    [JsonStringEnumMemberName("message/rfc822")] MessageRfc822,
}
