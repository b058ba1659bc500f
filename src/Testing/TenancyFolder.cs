using System.Security.Cryptography;

namespace OciRaw.Testing;

/// <summary>
/// The files of a tenancy the emulator wrote to a folder (<see cref="OciEmulator.CreateTenancy"/>): the OCI config
/// file, the API key and, for tenancies meant to outlive one run (<see cref="OciEmulator.OpenTenancy"/>), the Object
/// Storage namespace. Reading them back is what lets a restarted emulator accept the same config file.
/// </summary>
internal static class TenancyFolder
{
    public const string ConfigFileName = "config";
    public const string KeyFileName = "oci_api_key.pem";
    public const string NamespaceFileName = "objectstorage-namespace";

    /// <summary>The tenancy saved in <paramref name="directory"/>, or null when it holds no config and key file.</summary>
    /// <exception cref="InvalidOperationException">A file is there but lacks a value the emulator wrote to it.</exception>
    public static Saved? Read(string directory)
    {
        string configFile = Path.GetFullPath(Path.Combine(directory, ConfigFileName));
        string keyFile = Path.GetFullPath(Path.Combine(directory, KeyFileName));
        if (!File.Exists(configFile) || !File.Exists(keyFile))
        {
            return null;
        }

        Dictionary<string, string> values = ReadDefaultProfile(configFile);
        string Required(string key) => values.TryGetValue(key, out string? value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"'{configFile}' has no '{key}' in [DEFAULT]; it was not written by the OciRaw emulator (delete the folder's files to start a new tenancy).");

        string namespaceFile = Path.Combine(directory, NamespaceFileName);
        string? ns = File.Exists(namespaceFile) ? File.ReadAllText(namespaceFile).Trim() : null;
        return new Saved(Required("tenancy"), Required("user"), Required("fingerprint"), Required("region"), configFile, keyFile, string.IsNullOrEmpty(ns) ? null : ns);
    }

    public static void WriteNamespace(string directory, string ns) => File.WriteAllText(Path.Combine(directory, NamespaceFileName), ns + "\n");

    /// <summary>key=value lines of [DEFAULT], the only profile the emulator writes.</summary>
    private static Dictionary<string, string> ReadDefaultProfile(string configFile)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool inDefault = false;
        foreach (string raw in File.ReadLines(configFile))
        {
            string line = raw.Trim();
            if (line.StartsWith('['))
            {
                inDefault = line == "[DEFAULT]";
            }
            else if (inDefault && line.IndexOf('=', StringComparison.Ordinal) is int equals and > 0)
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return values;
    }

    public sealed record Saved(string TenancyId, string UserId, string Fingerprint, string Region, string ConfigFile, string KeyFile, string? Namespace)
    {
        /// <summary>The private key; an unreadable file is named in the error, its content never is.</summary>
        public RSA LoadKey()
        {
            var key = RSA.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(KeyFile));
                return key;
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new InvalidOperationException($"'{KeyFile}' does not hold an unencrypted PEM RSA private key, as the emulator wrote it.", e);
            }
        }
    }
}
