namespace OciRaw.Generator.Model;

/// <summary>System.Text.Json's JsonUnknownDerivedTypeHandling, with its metadata values.</summary>
internal enum UnknownDerivedTypeHandling
{
    FailSerialization = 0,
    FallBackToBaseType = 1,
    FallBackToNearestAncestor = 2,
}
