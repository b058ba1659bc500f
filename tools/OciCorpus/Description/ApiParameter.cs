namespace OciRaw.Corpus.Description;

/// <summary>
/// One operation parameter. <see cref="In"/> is <c>path</c>, <c>query</c>, <c>header</c>, <c>headerCollection</c> (a
/// prefix map such as <c>opc-meta-*</c>) or <c>body</c>; <see cref="Wire"/> is its name on the wire (null for the body);
/// <see cref="CollectionFormat"/> is <c>csv</c> or <c>multi</c> for query arrays.
/// </summary>
public sealed record ApiParameter(string Name, string In, string? Wire, string Type, bool Required, string? CollectionFormat);
