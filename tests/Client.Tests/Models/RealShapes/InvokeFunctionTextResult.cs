namespace OciRaw.Client.Tests.Models.RealShapes;

/// <summary>InvokeFunction's answer read as text (a JSON string answer gives its value).</summary>
public sealed class InvokeFunctionTextResult
{
    [OciHeader("fn-call-id")] public string? FnCallId { get; set; }

    [OciBody] public string? Output { get; set; }
}
