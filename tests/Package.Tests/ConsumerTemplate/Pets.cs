using OciRaw;

namespace Consumer;

public sealed class Pet
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public int Age { get; set; }
}

public sealed class CreatePetDetails
{
    public required string Name { get; init; }

    public int Age { get; init; }
}

public partial interface IPets
{
    [OciEndpoint("POST /20250101/pets")]
    Task<Pet> CreatePetAsync([OciBody] CreatePetDetails details, CancellationToken cancellationToken = default);

    [OciEndpoint("GET /20250101/pets/{petId}")]
    Task<OciResponse<Pet>> GetPetAsync(string petId, [OciQuery] string? view = null, CancellationToken cancellationToken = default);
}
