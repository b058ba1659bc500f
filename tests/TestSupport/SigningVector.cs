namespace OciRaw.TestSupport;

/// <summary>One case of signing.json.</summary>
public sealed record SigningVector(
    string Name,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    string Key,
    string? PassPhrase,
    string KeyId,
    bool ExcludeBody,
    string ExpectedSigningString,
    string ExpectedSignature,
    string ExpectedAuthorization,
    IReadOnlyList<KeyValuePair<string, string>> ExpectedHeaders)
{
    public string Tenancy => KeyId.Split('/')[0];

    public string User => KeyId.Split('/')[1];

    public string Fingerprint => KeyId.Split('/')[2];

    public bool UsesDocsKey => Key == VectorFiles.DocsKey;

    public override string ToString() => Name;

    /// <summary>The request as the vector describes it, before signing.</summary>
    public HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Body));
        }

        foreach ((string name, string value) in Headers)
        {
            if (name.StartsWith("content-", StringComparison.OrdinalIgnoreCase))
            {
                request.Content!.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (ExcludeBody)
        {
            request.SetOciSigningStrategy(OciSigningStrategy.ExcludeBody);
        }

        return request;
    }
}
