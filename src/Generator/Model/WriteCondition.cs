namespace OciRaw.Generator.Model;

/// <summary>When a member is left out of the JSON that is written (System.Text.Json's JsonIgnoreCondition).</summary>
internal enum WriteCondition
{
    /// <summary>Null values are left out (OciRaw's default, as OCI expects).</summary>
    SkipNull,

    /// <summary><c>[JsonIgnore(Condition = Never)]</c>: always written, null included.</summary>
    Always,

    /// <summary><c>[JsonIgnore(Condition = WhenWritingDefault)]</c>: null and the type's default are left out.</summary>
    SkipDefault,
}
