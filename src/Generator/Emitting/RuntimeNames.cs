namespace OciRaw.Generator.Emitting;

/// <summary>
/// How generated code spells the types it calls in System.Text.Json and the OciRaw runtime: in full
/// (<c>global::OciRaw.Infrastructure.OciJsonReader</c>), or through the aliases a serializer file declares.
/// </summary>
/// <remarks>
/// Serializers are most of the generated code (on the whole of OCI, some 170 million characters), and these names were
/// a fifth of it. A serializer file may alias them because it declares its own namespace (<c>OciRaw.Generated</c>),
/// whose only types are the generator's <c>*_Json</c> classes, so no alias can clash with or hide a user's type. A
/// client file goes into the user's namespace, where an alias could clash with a type of theirs (CS0576): it keeps the
/// full names.
/// </remarks>
internal sealed class RuntimeNames
{
    /// <summary>Full names, for code in a user's namespace.</summary>
    public static readonly RuntimeNames Qualified = new(
        json: "global::System.Text.Json",
        reader: "global::OciRaw.Infrastructure.OciJsonReader",
        errors: "global::OciRaw.Infrastructure.OciJsonErrors",
        jsonException: "global::OciRaw.OciJsonException",
        polymorphism: "global::OciRaw.Infrastructure.OciJsonPolymorphism",
        format: "global::OciRaw.Infrastructure.OciFormat");

    /// <summary>The aliases <see cref="WriteAliases"/> declares.</summary>
    public static readonly RuntimeNames Aliased = new(
        json: "Json",
        reader: "OciJsonReader",
        errors: "OciJsonErrors",
        jsonException: "OciJsonException",
        polymorphism: "OciJsonPolymorphism",
        format: "OciFormat");

    private RuntimeNames(string json, string reader, string errors, string jsonException, string polymorphism, string format)
    {
        Json = json;
        Reader = reader;
        Errors = errors;
        JsonException = jsonException;
        Polymorphism = polymorphism;
        Format = format;
    }

    /// <summary>The namespace <c>System.Text.Json</c>: <c>{Json}.Utf8JsonReader</c>.</summary>
    public string Json { get; }

    /// <summary><c>OciRaw.Infrastructure.OciJsonReader</c>, the typed reads.</summary>
    public string Reader { get; }

    /// <summary><c>OciRaw.Infrastructure.OciJsonErrors</c>, which puts the JSON path on read errors.</summary>
    public string Errors { get; }

    /// <summary><c>OciRaw.OciJsonException</c>.</summary>
    public string JsonException { get; }

    /// <summary><c>OciRaw.Infrastructure.OciJsonPolymorphism</c>, the discriminator search and its errors.</summary>
    public string Polymorphism { get; }

    /// <summary><c>OciRaw.Infrastructure.OciFormat</c>, the wire text of scalars.</summary>
    public string Format { get; }

    /// <summary>The using directives that make <see cref="Aliased"/> valid, inside a file's namespace.</summary>
    public static void WriteAliases(SourceWriter w)
    {
        foreach (string alias in new[]
        {
            $"{Aliased.Json} = {Qualified.Json}",
            $"{Aliased.Format} = {Qualified.Format}",
            $"{Aliased.Errors} = {Qualified.Errors}",
            $"{Aliased.JsonException} = {Qualified.JsonException}",
            $"{Aliased.Polymorphism} = {Qualified.Polymorphism}",
            $"{Aliased.Reader} = {Qualified.Reader}",
        })
        {
            w.Line($"using {alias};");
        }
    }
}
