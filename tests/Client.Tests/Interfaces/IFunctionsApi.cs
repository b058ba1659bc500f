using OciRaw.Client.Tests.Models.RealShapes;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>Functions InvokeFunction: a raw body in, a raw or streamed body out.</summary>
public partial interface IFunctionsApi
{
    [OciEndpoint("POST /20181201/functions/{functionId}/actions/invoke")]
    Task<InvokeFunctionResult> InvokeFunctionAsync(
        string functionId, [OciBody] ReadOnlyMemory<byte>? invokeFunctionBody = null,
        [OciHeader("fn-intent")] string? fnIntent = null, [OciHeader("fn-invoke-type")] string? fnInvokeType = null,
        [OciHeader("content-type")] string? contentType = null);

    [OciEndpoint("POST /20181201/functions/{functionId}/actions/invoke/stream")]
    Task<Stream> InvokeFunctionStreamAsync(string functionId, [OciBody] HttpContent invokeFunctionBody);

    [OciEndpoint("POST /20181201/functions/{functionId}/actions/invoke/text")]
    Task<InvokeFunctionTextResult> InvokeFunctionTextAsync(string functionId, [OciBody] byte[] invokeFunctionBody);
}
