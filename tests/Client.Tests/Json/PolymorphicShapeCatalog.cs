using OciRaw.Infrastructure;
using G = OciRaw.Generated;

namespace OciRaw.Client.Tests.Json;

/// <summary>Every polymorphic shape under differential test, with its generated serializer.</summary>
internal static class PolymorphicShapeCatalog
{
    /// <summary>The discriminator names of all polymorphic bases in <see cref="PolymorphicShapes"/>; no other member uses them.</summary>
    private static readonly string[] Discriminators = ["sourceType", "type", "volumeCreationType", "contentType", "kind", "variant", "$type", "event"];

    public static readonly IReadOnlyDictionary<string, ShapeCase> All = new ShapeCase[]
    {
        // Bases without members of their own: STJ's bytes exactly.
        Case<InstanceSourceDetails>(G.OciRaw_Client_Tests_Json_InstanceSourceDetails_Json.Write, G.OciRaw_Client_Tests_Json_InstanceSourceDetails_Json.Read),
        Case<InstanceSourceViaImageDetails>(G.OciRaw_Client_Tests_Json_InstanceSourceViaImageDetails_Json.Write, G.OciRaw_Client_Tests_Json_InstanceSourceViaImageDetails_Json.Read),
        Case<LaunchCreateVolumeDetails>(G.OciRaw_Client_Tests_Json_LaunchCreateVolumeDetails_Json.Write, G.OciRaw_Client_Tests_Json_LaunchCreateVolumeDetails_Json.Read),
        Case<SecretBundleContentDetails>(G.OciRaw_Client_Tests_Json_SecretBundleContentDetails_Json.Write, G.OciRaw_Client_Tests_Json_SecretBundleContentDetails_Json.Read),
        Case<SecretBundle>(G.OciRaw_Client_Tests_Json_SecretBundle_Json.Write, G.OciRaw_Client_Tests_Json_SecretBundle_Json.Read),

        // Bases with members: STJ writes a derived type's members before its base's, so these compare as JSON, with the
        // discriminator checked to be first.
        Case<PlatformConfig>(G.OciRaw_Client_Tests_Json_PlatformConfig_Json.Write, G.OciRaw_Client_Tests_Json_PlatformConfig_Json.Read, sameMemberOrder: false),
        Case<LaunchAttachVolumeDetails>(G.OciRaw_Client_Tests_Json_LaunchAttachVolumeDetails_Json.Write, G.OciRaw_Client_Tests_Json_LaunchAttachVolumeDetails_Json.Read, sameMemberOrder: false),
        Case<LaunchInstanceDetails>(G.OciRaw_Client_Tests_Json_LaunchInstanceDetails_Json.Write, G.OciRaw_Client_Tests_Json_LaunchInstanceDetails_Json.Read, sameMemberOrder: false),
        Case<Page<LaunchAttachVolumeDetails>>(
            G.OciRaw_Client_Tests_Json_Page_2OciRaw_Client_Tests_Json_LaunchAttachVolumeDetails_4_Json.Write,
            G.OciRaw_Client_Tests_Json_Page_2OciRaw_Client_Tests_Json_LaunchAttachVolumeDetails_4_Json.Read, sameMemberOrder: false),
        Case<Shape>(G.OciRaw_Client_Tests_Json_Shape_Json.Write, G.OciRaw_Client_Tests_Json_Shape_Json.Read, sameMemberOrder: false),
        Case<Circle>(G.OciRaw_Client_Tests_Json_Circle_Json.Write, G.OciRaw_Client_Tests_Json_Circle_Json.Read, sameMemberOrder: false),
        Case<Square>(G.OciRaw_Client_Tests_Json_Square_Json.Write, G.OciRaw_Client_Tests_Json_Square_Json.Read, sameMemberOrder: false),
        Case<Vehicle>(G.OciRaw_Client_Tests_Json_Vehicle_Json.Write, G.OciRaw_Client_Tests_Json_Vehicle_Json.Read, sameMemberOrder: false),
        Case<Animal>(G.OciRaw_Client_Tests_Json_Animal_Json.Write, G.OciRaw_Client_Tests_Json_Animal_Json.Read, sameMemberOrder: false),
        Case<ChangeEvent>(G.OciRaw_Client_Tests_Json_ChangeEvent_Json.Write, G.OciRaw_Client_Tests_Json_ChangeEvent_Json.Read, sameMemberOrder: false),
        Case<Zoo>(G.OciRaw_Client_Tests_Json_Zoo_Json.Write, G.OciRaw_Client_Tests_Json_Zoo_Json.Read, sameMemberOrder: false),
    }.ToDictionary(c => c.Name);

    private static ShapeCase<T> Case<T>(OciJsonWriteAction<T> write, OciJsonReadFunc<T> read, bool sameMemberOrder = true) =>
        ShapeCatalog.Case(write, read, sameMemberOrder, Discriminators);
}
