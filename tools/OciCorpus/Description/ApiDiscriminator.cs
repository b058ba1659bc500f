namespace OciRaw.Corpus.Description;

/// <summary>A polymorphic base's discriminator: the wire property and which subtype each value selects.</summary>
public sealed record ApiDiscriminator(string Property, IReadOnlyDictionary<string, string> Subtypes);
