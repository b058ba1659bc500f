namespace OciRaw.Corpus.Description;

/// <summary>
/// One model: its properties as [python name, wire name, type] (inherited ones included, as the SDK lists them), its base
/// model, its discriminator if it is a polymorphic base, and the discriminator value that selects it if it is a subtype.
/// </summary>
public sealed record ApiModel(IReadOnlyList<IReadOnlyList<string>> Properties, string? Base, ApiDiscriminator? Discriminator, string? DiscriminatorValue);
