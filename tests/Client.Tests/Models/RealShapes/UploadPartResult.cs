namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>UploadPart's answer.</summary>
public sealed class UploadPartResult
{
    [OciHeader("etag")] public string ETag { get; set; } = "";

    [OciHeader("opc-content-md5")] public string? OpcContentMd5 { get; set; }
}
