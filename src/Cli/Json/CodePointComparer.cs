namespace OciRaw.Cli.Json;

/// <summary>
/// Orders strings by Unicode code point, as Python compares str (sort_keys=True, JMESPath sort). Ordinal UTF-16
/// order differs only where a surrogate pair meets a character from U+E000 to U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            char a = x[i];
            char b = y[i];
            if (a != b)
            {
                // Surrogates (code points above U+FFFF) sort after every other UTF-16 unit.
                bool surrogateA = char.IsSurrogate(a);
                bool surrogateB = char.IsSurrogate(b);
                return surrogateA == surrogateB ? a.CompareTo(b) : (surrogateA ? 1 : -1);
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
