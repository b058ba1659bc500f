namespace OciRaw;

/// <summary>One <c>-----BEGIN label-----</c> ... <c>-----END label-----</c> block: its label, RFC 1421 headers and bytes.</summary>
internal sealed class PemBlock
{
    private const string BeginPrefix = "-----BEGIN ";
    private const string EndPrefix = "-----END ";
    private const string Dashes = "-----";

    private PemBlock(string label, IReadOnlyDictionary<string, string> headers, byte[] data)
    {
        Label = label;
        Headers = headers;
        Data = data;
    }

    public string Label { get; }

    /// <summary>Headers such as <c>Proc-Type</c> and <c>DEK-Info</c> of legacy encrypted keys (names case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Data { get; }

    /// <summary>
    /// Reads every PEM block in <paramref name="text"/>. Line endings (LF or CRLF) and whitespace around lines are
    /// ignored. Text outside blocks is ignored, as OpenSSL does. Errors name the block, never its contents.
    /// </summary>
    public static List<PemBlock> ReadAll(string text, string keySource)
    {
        var blocks = new List<PemBlock>();
        string? label = null;
        Dictionary<string, string>? headers = null;
        var base64 = new System.Text.StringBuilder();
        bool bodyStarted = false;
        int lineNumber = 0;

        foreach (string rawLine in text.Split('\n'))
        {
            lineNumber++;
            string line = rawLine.Trim();
            if (label is null)
            {
                if (TryReadBoundary(line, BeginPrefix, out string? beginLabel))
                {
                    label = beginLabel;
                    headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    base64.Clear();
                    bodyStarted = false;
                }

                continue;
            }

            if (TryReadBoundary(line, EndPrefix, out string? endLabel))
            {
                if (!string.Equals(endLabel, label, StringComparison.Ordinal))
                {
                    throw new OciKeyException(OciKeyError.NotPem, keySource,
                        $"The key in {keySource} is not valid PEM: the block that begins with 'BEGIN {label}' ends with 'END {endLabel}' (line {lineNumber}).");
                }

                byte[] data = new byte[base64.Length * 3 / 4];
                if (!Convert.TryFromBase64String(base64.ToString(), data, out int written) || written == 0)
                {
                    throw new OciKeyException(OciKeyError.NotPem, keySource,
                        $"The key in {keySource} is not valid PEM: the body of the '{label}' block is not valid base64.");
                }

                blocks.Add(new PemBlock(label, headers!, data.AsSpan(0, written).ToArray()));
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(data);
                label = null;
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            // RFC 1421 headers come before the body: "Proc-Type: 4,ENCRYPTED". Base64 never contains ':'.
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (!bodyStarted && colon > 0)
            {
                headers![line[..colon].Trim()] = line[(colon + 1)..].Trim();
                continue;
            }

            bodyStarted = true;
            base64.Append(line);
        }

        if (label is not null)
        {
            throw new OciKeyException(OciKeyError.NotPem, keySource,
                $"The key in {keySource} is not valid PEM: the '{label}' block has no 'END {label}' line (the file may be truncated).");
        }

        base64.Clear();
        return blocks;
    }

    private static bool TryReadBoundary(string line, string prefix, out string? label)
    {
        label = null;
        if (!line.StartsWith(prefix, StringComparison.Ordinal) || !line.EndsWith(Dashes, StringComparison.Ordinal)
            || line.Length < prefix.Length + Dashes.Length)
        {
            return false;
        }

        label = line[prefix.Length..^Dashes.Length].Trim();
        return true;
    }
}
