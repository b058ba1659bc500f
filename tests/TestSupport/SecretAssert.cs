namespace OciRaw.TestSupport;

/// <summary>Checks that secrets (pass phrases, key bytes) stay out of everything an exception can print.</summary>
public static class SecretAssert
{
    /// <summary>Every secret is absent from the exception's ToString() and from the message of it and each inner exception.</summary>
    public static void NotIn(Exception exception, IEnumerable<string> secrets)
    {
        var texts = new List<string> { exception.ToString() };
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            texts.Add(e.Message);
        }

        if (exception is OciConfigException config)
        {
            texts.AddRange(config.Problems.Select(p => p.ToString()));
        }

        NotIn(texts, secrets);
    }

    public static void NotIn(IEnumerable<string> texts, IEnumerable<string> secrets)
    {
        List<string> secretList = secrets.ToList();
        Assert.NotEmpty(secretList);
        foreach (string text in texts)
        {
            foreach (string secret in secretList)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A secret ('{secret}') appears in: {text}");
            }
        }
    }

    /// <summary>The base64 body lines of every PEM block in <paramref name="pem"/> (headers and boundaries excluded).</summary>
    public static IEnumerable<string> Base64Lines(string pem) =>
        pem.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length >= 16 && !line.StartsWith("-----", StringComparison.Ordinal) && !line.Contains(':', StringComparison.Ordinal));
}
