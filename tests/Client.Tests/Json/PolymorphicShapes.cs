using System.Text.Json.Serialization;

// Polymorphic DTO shapes ([JsonPolymorphic] / [JsonDerivedType]) for the differential tests: real OCI shapes (Compute
// LaunchInstance, Secrets GetSecretBundle; discriminators as in OCI's SDKs) and synthetic ones for each of
// System.Text.Json's rules. Every type is reached from IPolymorphicShapesApi below, so the generator emits its serializer.
#pragma warning disable CA2227 // Collection properties should be read only: settable collections are what DTOs have.
#pragma warning disable CA1819 // Properties should not return arrays: an array of a polymorphic base is under test.
#pragma warning disable CA1720 // Identifiers contain type names.

namespace OciRaw.Client.Tests.Json;

// ---- Compute LaunchInstance (POST /20160918/instances) ----

/// <summary>OCI's InstanceSourceDetails: abstract, the discriminator is <c>sourceType</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "sourceType")]
[JsonDerivedType(typeof(InstanceSourceViaImageDetails), "image")]
[JsonDerivedType(typeof(InstanceSourceViaBootVolumeDetails), "bootVolume")]
public abstract class InstanceSourceDetails
{
}

public sealed class InstanceSourceViaImageDetails : InstanceSourceDetails
{
    public string? ImageId { get; set; }

    [JsonPropertyName("bootVolumeSizeInGBs")]
    public long? BootVolumeSizeInGBs { get; set; }

    [JsonPropertyName("bootVolumeVpusPerGB")]
    public long? BootVolumeVpusPerGB { get; set; }

    public string? KmsKeyId { get; set; }

    public InstanceSourceImageFilterDetails? InstanceSourceImageFilterDetails { get; set; }
}

public sealed class InstanceSourceImageFilterDetails
{
    public string? CompartmentId { get; set; }
    public string? OperatingSystem { get; set; }
    public string? OperatingSystemVersion { get; set; }
    public Dictionary<string, Dictionary<string, string>>? DefinedTagsFilter { get; set; }
}

public sealed class InstanceSourceViaBootVolumeDetails : InstanceSourceDetails
{
    public string BootVolumeId { get; set; } = "";
}

/// <summary>OCI's PlatformConfig: abstract with common members, nine subtypes, the discriminator is <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AmdMilanBmPlatformConfig), "AMD_MILAN_BM")]
[JsonDerivedType(typeof(AmdRomeBmPlatformConfig), "AMD_ROME_BM")]
[JsonDerivedType(typeof(IntelSkylakeBmPlatformConfig), "INTEL_SKYLAKE_BM")]
[JsonDerivedType(typeof(AmdRomeBmGpuPlatformConfig), "AMD_ROME_BM_GPU")]
[JsonDerivedType(typeof(IntelIcelakeBmPlatformConfig), "INTEL_ICELAKE_BM")]
[JsonDerivedType(typeof(AmdVmPlatformConfig), "AMD_VM")]
[JsonDerivedType(typeof(IntelVmPlatformConfig), "INTEL_VM")]
[JsonDerivedType(typeof(GenericBmPlatformConfig), "GENERIC_BM")]
[JsonDerivedType(typeof(AmdMilanBmGpuPlatformConfig), "AMD_MILAN_BM_GPU")]
public abstract class PlatformConfig
{
    public bool? IsSecureBootEnabled { get; set; }
    public bool? IsTrustedPlatformModuleEnabled { get; set; }
    public bool? IsMeasuredBootEnabled { get; set; }
    public bool? IsMemoryEncryptionEnabled { get; set; }
}

public sealed class AmdMilanBmPlatformConfig : PlatformConfig
{
    public string? NumaNodesPerSocket { get; set; }
    public bool? IsSymmetricMultiThreadingEnabled { get; set; }
    public bool? IsAccessControlServiceEnabled { get; set; }
    public bool? AreVirtualInstructionsEnabled { get; set; }
    public bool? IsInputOutputMemoryManagementUnitEnabled { get; set; }
    public int? PercentageOfCoresEnabled { get; set; }
    public Dictionary<string, string>? ConfigMap { get; set; }
}

public sealed class AmdRomeBmPlatformConfig : PlatformConfig
{
    public string? NumaNodesPerSocket { get; set; }
    public bool? IsSymmetricMultiThreadingEnabled { get; set; }
    public int? PercentageOfCoresEnabled { get; set; }
}

public sealed class IntelSkylakeBmPlatformConfig : PlatformConfig
{
    public string? NumaNodesPerSocket { get; set; }
    public bool? IsSymmetricMultiThreadingEnabled { get; set; }
}

public sealed class AmdRomeBmGpuPlatformConfig : PlatformConfig
{
    public string? NumaNodesPerSocket { get; set; }
    public bool? IsSymmetricMultiThreadingEnabled { get; set; }
}

public sealed class IntelIcelakeBmPlatformConfig : PlatformConfig
{
    public string? NumaNodesPerSocket { get; set; }
    public int? PercentageOfCoresEnabled { get; set; }
}

public sealed class AmdVmPlatformConfig : PlatformConfig
{
    public bool? IsSymmetricMultiThreadingEnabled { get; set; }
}

public sealed class IntelVmPlatformConfig : PlatformConfig
{
    public bool? IsSymmetricMultiThreadingEnabled { get; set; }
}

public sealed class GenericBmPlatformConfig : PlatformConfig
{
    public string? NumaNodesPerSocket { get; set; }
    public Dictionary<string, string>? ConfigMap { get; set; }
}

public sealed class AmdMilanBmGpuPlatformConfig : PlatformConfig
{
    public string? NumaNodesPerSocket { get; set; }
    public bool? IsInputOutputMemoryManagementUnitEnabled { get; set; }
}

/// <summary>OCI's LaunchAttachVolumeDetails: a list of these is <c>launchVolumeAttachments</c>; it nests another polymorphic base.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(LaunchAttachParavirtualizedVolumeDetails), "paravirtualized")]
[JsonDerivedType(typeof(LaunchAttachIScsiVolumeDetails), "iscsi")]
public abstract class LaunchAttachVolumeDetails
{
    public string? Device { get; set; }
    public string? DisplayName { get; set; }
    public bool? IsReadOnly { get; set; }
    public bool? IsShareable { get; set; }
    public string? VolumeId { get; set; }
    public LaunchCreateVolumeDetails? LaunchCreateVolumeDetails { get; set; }
}

public sealed class LaunchAttachParavirtualizedVolumeDetails : LaunchAttachVolumeDetails
{
    public bool? IsPvEncryptionInTransitEnabled { get; set; }
}

public sealed class LaunchAttachIScsiVolumeDetails : LaunchAttachVolumeDetails
{
    public bool? UseChap { get; set; }
    public string? EncryptionInTransitType { get; set; }
    public bool? IsAgentAutoIscsiLoginEnabled { get; set; }
}

/// <summary>OCI's LaunchCreateVolumeDetails (<c>volumeCreationType</c>), nested in an attachment.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "volumeCreationType")]
[JsonDerivedType(typeof(LaunchCreateVolumeFromAttributes), "ATTRIBUTES")]
public abstract class LaunchCreateVolumeDetails
{
}

public sealed class LaunchCreateVolumeFromAttributes : LaunchCreateVolumeDetails
{
    public string? CompartmentId { get; set; }
    public string? DisplayName { get; set; }
    public string? KmsKeyId { get; set; }

    [JsonPropertyName("vpusPerGB")]
    public long? VpusPerGB { get; set; }

    [JsonPropertyName("sizeInGBs")]
    public long SizeInGBs { get; set; }
}

/// <summary>The body of LaunchInstance, with its three polymorphic members.</summary>
public sealed class LaunchInstanceDetails
{
    public string AvailabilityDomain { get; set; } = "";
    public string CompartmentId { get; set; } = "";
    public string? Shape { get; set; }
    public string? DisplayName { get; set; }
    public InstanceSourceDetails? SourceDetails { get; set; }
    public PlatformConfig? PlatformConfig { get; set; }
    public List<LaunchAttachVolumeDetails>? LaunchVolumeAttachments { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
}

// ---- Secrets GetSecretBundle (GET /20190301/secretbundles/{secretId}) ----

/// <summary>
/// OCI's SecretBundleContentDetails (<c>contentType</c>). Concrete, and unknown content types read as it: services
/// add subtypes over time.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "contentType", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(Base64SecretBundleContentDetails), "BASE64")]
public class SecretBundleContentDetails
{
}

public sealed class Base64SecretBundleContentDetails : SecretBundleContentDetails
{
    public string? Content { get; set; }
}

public sealed class SecretBundle
{
    public string SecretId { get; set; } = "";
    public long VersionNumber { get; set; }
    public string? VersionName { get; set; }
    public SecretBundleContentDetails? SecretBundleContent { get; set; }
    public DateTimeOffset? TimeCreated { get; set; }
    public List<string>? Stages { get; set; }
}

// ---- Synthetic shapes, one System.Text.Json rule each ----

/// <summary>
/// A concrete base with members that lists itself (so it is written with "shape"), FallBackToBaseType for types it
/// does not list, unknown discriminators read as it, a derived type without a discriminator, and a deep hierarchy
/// (Square is itself a base, RoundedSquare is listed at both levels).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToBaseType,
    IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(Shape), "shape")]
[JsonDerivedType(typeof(Circle), "circle")]
[JsonDerivedType(typeof(Square), "square")]
[JsonDerivedType(typeof(RoundedSquare), "roundedSquare")]
[JsonDerivedType(typeof(Triangle))]
public class Shape
{
    public string? Label { get; set; }
    public double Area { get; set; }
}

public sealed class Circle : Shape
{
    public double Radius { get; set; }
    public Shape? Inner { get; set; }
}

/// <summary>Itself a polymorphic base, with another discriminator name: used when a member is typed Square.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "variant")]
[JsonDerivedType(typeof(RoundedSquare), "rounded")]
public class Square : Shape
{
    public double Side { get; set; }
}

public sealed class RoundedSquare : Square
{
    public double CornerRadius { get; set; }
}

/// <summary>Listed without a discriminator: written without one, so it reads back as a Shape.</summary>
public sealed class Triangle : Shape
{
    public double Height { get; set; }
}

/// <summary>Not listed anywhere: FallBackToBaseType writes it as a Shape, with "shape".</summary>
public sealed class Hexagon : Shape
{
    public int Sides { get; set; } = 6;
}

/// <summary>Integer discriminators under the default name <c>$type</c>.</summary>
[JsonDerivedType(typeof(Car), 1)]
[JsonDerivedType(typeof(Bike), 2)]
public abstract class Vehicle
{
    public string? Name { get; set; }
}

public sealed class Car : Vehicle
{
    public int Doors { get; set; }
}

public sealed class Bike : Vehicle
{
    public bool Electric { get; set; }
}

/// <summary>Not listed: FailSerialization (the default) refuses to write it as a Vehicle.</summary>
public sealed class Tram : Vehicle
{
    public int Cars { get; set; }
}

/// <summary>FallBackToNearestAncestor: an unlisted Beagle is written as its nearest listed ancestor, a Dog.</summary>
[JsonPolymorphic(UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToNearestAncestor)]
[JsonDerivedType(typeof(Dog), "dog")]
[JsonDerivedType(typeof(Puppy), "puppy")]
[JsonDerivedType(typeof(Cat), "cat")]
public class Animal
{
    public string? Name { get; set; }
}

public class Dog : Animal
{
    public bool GoodBoy { get; set; }
}

public sealed class Puppy : Dog
{
    public int AgeInWeeks { get; set; }
}

public sealed class Beagle : Dog
{
    public string? Howl { get; set; }
}

public sealed class Cat : Animal
{
    public int Lives { get; set; }
}

/// <summary>Records: an abstract record base with a primary constructor, derived positional records.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(CreatedEvent), "created")]
[JsonDerivedType(typeof(RenamedEvent), "renamed")]
public abstract record ChangeEvent(DateTimeOffset Time);

public sealed record CreatedEvent(DateTimeOffset Time, string Id) : ChangeEvent(Time);

public sealed record RenamedEvent(DateTimeOffset Time, string From, string To) : ChangeEvent(Time)
{
    public string? By { get; init; }
}

/// <summary>Collections of polymorphic bases, and members typed as a derived type that is itself a base.</summary>
public sealed class Zoo
{
    public List<Animal?>? Animals { get; set; }
    public Dictionary<string, Shape>? ShapesByName { get; set; }
    public Vehicle[]? Fleet { get; set; }
    public Square? Square { get; set; }
    public IReadOnlyList<ChangeEvent>? History { get; set; }
    public Dictionary<string, List<Vehicle?>>? Garages { get; set; }
}

public partial interface IPolymorphicShapesApi
{
    [OciEndpoint("POST /20160918/instances")]
    Task<LaunchInstanceDetails> LaunchInstanceAsync([OciBody] LaunchInstanceDetails body, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /20190301/secretbundles/{secretId}")]
    Task<SecretBundle> GetSecretBundleAsync(string secretId, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/sourceDetails")]
    Task<InstanceSourceDetails> SourceDetailsAsync([OciBody] InstanceSourceDetails body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/platformConfig")]
    Task<PlatformConfig> PlatformConfigAsync([OciBody] PlatformConfig body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/attachment")]
    Task<LaunchAttachVolumeDetails> AttachmentAsync([OciBody] LaunchAttachVolumeDetails body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/imageSource")]
    Task<InstanceSourceViaImageDetails> ImageSourceAsync([OciBody] InstanceSourceViaImageDetails body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/secretContent")]
    Task<SecretBundleContentDetails> SecretContentAsync([OciBody] SecretBundleContentDetails body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/shape")]
    Task<Shape> ShapeAsync([OciBody] Shape body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/square")]
    Task<Square> SquareAsync([OciBody] Square body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/vehicle")]
    Task<Vehicle> VehicleAsync([OciBody] Vehicle body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/animal")]
    Task<Animal> AnimalAsync([OciBody] Animal body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/event")]
    Task<ChangeEvent> EventAsync([OciBody] ChangeEvent body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/zoo")]
    Task<Zoo> ZooAsync([OciBody] Zoo body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/attachments")]
    Task<Page<LaunchAttachVolumeDetails>> AttachmentPageAsync([OciBody] Page<LaunchAttachVolumeDetails> body, CancellationToken cancellationToken = default);

    [OciEndpoint("POST /shapes/events")]
    Task<List<ChangeEvent>> EventListAsync([OciBody] List<ChangeEvent> body, CancellationToken cancellationToken = default);
}
