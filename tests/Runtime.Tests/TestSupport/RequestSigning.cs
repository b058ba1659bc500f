namespace OciRaw.Tests;

/// <summary>Signs one fixed request so that signatures made with different key files can be compared.</summary>
internal static class RequestSigning
{
    public static async Task<OciSignature> SignSampleAsync(OciSigner signer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://objectstorage.us-ashburn-1.oraclecloud.com/n/ns/b/bucket/o?prefix=a%20b");
        // A date the caller sets is signed verbatim, which makes the signing string (and the signature) reproducible.
        request.Headers.Date = new DateTimeOffset(2025, 3, 4, 10, 15, 30, TimeSpan.Zero);
        return await signer.SignAsync(request);
    }
}
