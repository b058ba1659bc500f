using System.Text;
using Microsoft.AspNetCore.Http;

namespace OciRaw.Testing;

/// <summary>
/// The instance metadata service (IMDS v2) under <c>/opc/v2</c>: region, regionInfo and the instance's leaf
/// certificate, key and intermediate. Calls are not signed; each must carry <c>Authorization: Bearer Oracle</c>.
/// </summary>
internal sealed class InstanceMetadataApi(TestCertificateAuthority authority)
{
    public const string BasePath = "/opc/v2";
    public const string RegionPath = BasePath + "/instance/region";
    public const string RegionInfoPath = BasePath + "/instance/regionInfo";
    public const string CanonicalRegionNamePath = BasePath + "/instance/canonicalRegionName";
    public const string CertificatePath = BasePath + "/identity/cert.pem";
    public const string KeyPath = BasePath + "/identity/key.pem";
    public const string IntermediatePath = BasePath + "/identity/intermediate.pem";

    public const string RegionCode = "iad";
    public const string RegionId = "us-ashburn-1";

    /// <summary>True for every path IMDS answers (everything under <c>/opc</c>, known or not).</summary>
    public static bool Owns(PathString path) => path.StartsWithSegments("/opc", StringComparison.Ordinal);

    /// <summary>Answers the request; returns why it is not authenticated instead (the caller answers 401).</summary>
    public async Task<string?> HandleAsync(HttpContext context)
    {
        string? authorization = context.Request.Headers.Authorization;
        if (!IsBearerOracle(authorization))
        {
            return string.IsNullOrEmpty(authorization)
                ? "IMDS call without 'Authorization: Bearer Oracle'"
                : "IMDS call whose Authorization header is not 'Bearer Oracle'";
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await OciError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "The instance metadata service only answers GET.").ConfigureAwait(false);
            return null;
        }

        switch (context.Request.Path.Value)
        {
            case RegionPath:
                await WriteTextAsync(context, "text/plain", RegionCode).ConfigureAwait(false);
                break;
            case CanonicalRegionNamePath:
                await WriteTextAsync(context, "text/plain", RegionId).ConfigureAwait(false);
                break;
            case RegionInfoPath:
                await EmulatorJson.WriteAsync(context, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("realmKey", "oc1");
                    writer.WriteString("realmDomainComponent", "oraclecloud.com");
                    writer.WriteString("regionKey", RegionCode.ToUpperInvariant());
                    writer.WriteString("regionIdentifier", RegionId);
                    writer.WriteEndObject();
                }).ConfigureAwait(false);
                break;
            case CertificatePath:
                await WriteTextAsync(context, "application/x-pem-file", authority.Current.CertificatePem).ConfigureAwait(false);
                break;
            case KeyPath:
                await WriteTextAsync(context, "application/x-pem-file", authority.Current.PrivateKeyPem).ConfigureAwait(false);
                break;
            case IntermediatePath:
                await WriteTextAsync(context, "application/x-pem-file", TestCertificateAuthority.IntermediatePem).ConfigureAwait(false);
                break;
            default:
                await OciError.WriteAsync(context, StatusCodes.Status404NotFound, "NotFound", $"The instance metadata service has nothing at {context.Request.Path}.").ConfigureAwait(false);
                break;
        }

        return null;
    }

    private static bool IsBearerOracle(string? authorization)
    {
        const string Scheme = "Bearer ";
        return authorization is not null
            && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && authorization.AsSpan(Scheme.Length).Trim().SequenceEqual("Oracle");
    }

    private static async Task WriteTextAsync(HttpContext context, string contentType, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
