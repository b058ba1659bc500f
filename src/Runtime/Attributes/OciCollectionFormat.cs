namespace OciRaw;

/// <summary>How a collection-valued <see cref="OciQueryAttribute"/> parameter is sent, as in OCI's API descriptions.</summary>
public enum OciCollectionFormat
{
    /// <summary>The name is repeated for every item: <c>?id=a&amp;id=b</c> (the default).</summary>
    Multi,

    /// <summary>
    /// One parameter, items joined with commas: <c>?fields=a,b</c> (Object Storage GetBucket's <c>fields</c>). Each item is
    /// escaped on its own, so a comma inside an item goes as <c>%2C</c> and stays distinguishable from the separators.
    /// </summary>
    Csv,
}
