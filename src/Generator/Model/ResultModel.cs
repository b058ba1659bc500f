using System.Diagnostics;

namespace OciRaw.Generator.Model;

/// <summary>A header-bound result class: created with an object initializer that sets every bound property.</summary>
[DebuggerDisplay("{DisplayName,nq} ({Members.Count} members)")]
internal sealed record ResultModel(string TypeName, string DisplayName, EquatableArray<ResultMember> Members)
{
    /// <summary>A stream body keeps the response open; every other result is read whole and the response disposed.</summary>
    public bool HasStreamBody
    {
        get
        {
            foreach (ResultMember member in Members)
            {
                if (member.Kind == ResultMemberKind.StreamBody)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
