namespace OciRaw;

/// <summary>What is wrong with a private key that could not be loaded.</summary>
public enum OciKeyError
{
    /// <summary>The key file does not exist.</summary>
    FileNotFound,

    /// <summary>The key file exists but could not be read (permissions, a directory, I/O error).</summary>
    FileUnreadable,

    /// <summary>The key file or PEM text is empty.</summary>
    Empty,

    /// <summary>The text holds no PEM block at all, or a PEM block whose contents cannot be decoded.</summary>
    NotPem,

    /// <summary>A public key or certificate was given where a private key is needed.</summary>
    NotAPrivateKey,

    /// <summary>The private key is not an RSA key (OCI API keys are RSA).</summary>
    NotRsa,

    /// <summary>The key is encrypted and no pass phrase was given.</summary>
    PassPhraseRequired,

    /// <summary>The key is encrypted and the pass phrase given does not decrypt it.</summary>
    WrongPassPhrase,

    /// <summary>The key is encrypted with a cipher this library does not implement.</summary>
    UnsupportedEncryption,

    /// <summary>The PEM block is a key format OCI does not use (for example an OpenSSH private key).</summary>
    UnsupportedFormat,

    /// <summary>The PEM block decodes, but its contents are not a valid key of the kind its label announces.</summary>
    Corrupt,

    /// <summary>The configured fingerprint is not the fingerprint of the key.</summary>
    FingerprintMismatch,
}
