namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>InvokeFunction's answer: the function's raw output and the call's headers.</summary>
public sealed class InvokeFunctionResult
{
    [OciHeader("opc-request-id")] public string? OpcRequestId { get; set; }

    [OciHeader("content-type")] public string? ContentType { get; set; }

    [OciHeader("fn-call-id")] public string? FnCallId { get; set; }

    [OciBody] public byte[] Output { get; set; } = [];
}
