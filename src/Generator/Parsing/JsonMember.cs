using Microsoft.CodeAnalysis;
using OciRaw.Generator.Model;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// A property or field that takes part in a DTO's JSON, as <see cref="JsonMemberSelector"/> found it. It holds symbols,
/// so it lives only while one type is parsed; the model gets a <see cref="JsonPropertyModel"/> built from it.
/// </summary>
/// <param name="Symbol">The property or field.</param>
/// <param name="Type">Its type.</param>
/// <param name="JsonName">Its JSON name.</param>
/// <param name="CanGet">Generated code can read the value (a getter or field it may use), so the member is written.</param>
/// <param name="Assignment">How a value read from JSON gets in, before constructor parameters are bound.</param>
/// <param name="IsRequired">The JSON must have the member: <c>[JsonRequired]</c>, or C# <c>required</c> unless the constructor sets it.</param>
/// <param name="WriteCondition">When the member is left out of written JSON.</param>
/// <param name="Order"><c>[JsonPropertyOrder]</c>, 0 when absent: members are written in ascending order, ties in declaration order.</param>
/// <param name="MayBeSetByConstructor">See <see cref="JsonPropertyModel.MayBeSetByConstructor"/>.</param>
internal sealed record JsonMember(
    ISymbol Symbol,
    ITypeSymbol Type,
    string JsonName,
    bool CanGet,
    PropertyAssignment Assignment,
    bool IsRequired,
    WriteCondition WriteCondition,
    int Order,
    bool MayBeSetByConstructor)
{
    public string Name => Symbol.Name;
}
