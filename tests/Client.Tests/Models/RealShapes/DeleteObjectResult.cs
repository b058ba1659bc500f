namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>DeleteObject's answer (204).</summary>
public sealed class DeleteObjectResult
{
    [OciHeader("opc-request-id")] public string? OpcRequestId { get; set; }

    [OciHeader("last-modified")] public DateTimeOffset? LastModified { get; set; }

    [OciHeader("version-id")] public string? VersionId { get; set; }

    [OciHeader("is-delete-marker")] public bool? IsDeleteMarker { get; set; }
}
