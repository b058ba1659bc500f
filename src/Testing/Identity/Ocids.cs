using System.Security.Cryptography;

namespace OciRaw.Testing;

/// <summary>OCIDs shaped like real ones (<c>ocid1.user.oc1..aaaaaaaa&lt;52 base32 chars&gt;</c>) that exist nowhere.</summary>
internal static class Ocids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New(string resourceType)
    {
        Span<char> unique = stackalloc char[52];
        for (int i = 0; i < unique.Length; i++)
        {
            unique[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"ocid1.{resourceType}.oc1..aaaaaaaa{unique}";
    }

    /// <summary>True for an OCID of a tenancy (the root compartment of some account).</summary>
    public static bool IsTenancy(string ocid) => ocid.StartsWith("ocid1.tenancy.", StringComparison.Ordinal);
}
