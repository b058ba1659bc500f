using OciRaw.Client.Tests.Models.RealShapes;

namespace OciRaw.Client.Tests.Interfaces;

/// <summary>Email Delivery SubmitRawEmail: a MIME message as the body, its type and the recipients in headers.</summary>
public partial interface IEmailApi
{
    [OciEndpoint("POST /20220926/actions/submitRawEmail")]
    Task<OciResponse<EmailRawSubmittedResponse>> SubmitRawEmailAsync(
        [OciHeader("content-type")] RawEmailContentType contentType,
        [OciHeader("compartment-id")] string compartmentId,
        [OciHeader("sender")] string sender,
        [OciHeader("recipients")] IEnumerable<string> recipients,
        [OciBody] Stream rawMessage,
        [OciHeader("content-length")] long? contentLength = null);
}
