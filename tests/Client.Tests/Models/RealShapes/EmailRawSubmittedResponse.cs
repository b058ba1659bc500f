namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>SubmitRawEmail's JSON answer.</summary>
public sealed class EmailRawSubmittedResponse
{
    public string? MessageId { get; set; }

    public string? EnvelopeId { get; set; }
}
