using System.Collections.Generic;

namespace OciRaw.Generator.Parsing;

/// <summary>
/// Keeps DTOs that refer back to a type still being built from counting as resolved before that type is. In
/// <c>class A { B? B; object? Bad; }</c>, <c>class B { A? A; }</c>, B is finished while A is still in progress, and
/// only A's last member shows that A fails: B must then fail with it (it cannot be serialized without A's serializer),
/// whichever method reaches the pair first. This is Tarjan's strongly-connected-components bookkeeping: every type on
/// the build stack has a "low" index, the deepest in-progress type it reaches; a finished type whose low is below its
/// own index is provisional, and is committed or failed together with the type at that index when it finishes.
/// </summary>
internal sealed class TypeBuildTracker
{
    private readonly List<Frame> _stack = new();
    private readonly Dictionary<string, Provisional> _provisional = new();

    /// <summary>
    /// How many references to types in progress or provisional were met so far: a resolution during which it grows
    /// produced a shape that is not final, so it must not be cached.
    /// </summary>
    public int PendingReferences { get; private set; }

    /// <summary>Starts building <paramref name="className"/>; returns its stack index.</summary>
    public int Push(string className)
    {
        _stack.Add(new Frame(className, _stack.Count));
        return _stack.Count - 1;
    }

    /// <summary>Names the member of the type on top of the stack whose type is being resolved (null between members).</summary>
    public void SetCurrentMember(JsonMember? member)
    {
        if (_stack.Count > 0)
        {
            _stack[_stack.Count - 1].CurrentMember = member;
        }
    }

    /// <summary>
    /// When <paramref name="className"/> is in progress or provisional, records that the type being built depends on
    /// it (so it cannot be committed before it). Returns false when the type is neither: it is final.
    /// </summary>
    public bool ReferTo(string className)
    {
        int target = IndexOf(className);
        if (target < 0)
        {
            if (!_provisional.TryGetValue(className, out Provisional? provisional))
            {
                return false;
            }

            target = provisional.DependsOn;
        }

        PendingReferences++;
        if (_stack.Count > 0)
        {
            Frame top = _stack[_stack.Count - 1];
            top.Low = System.Math.Min(top.Low, target);
            if (top.CurrentMember is { } member)
            {
                top.References.Add((member, className));
            }
        }

        return true;
    }

    /// <summary>
    /// Ends the build of the type on top of the stack. When it succeeded and depends on a type still in progress, it
    /// becomes provisional on it; when it succeeded on its own, every type provisional on it is final. When it failed,
    /// the types provisional on it are returned: they fail too (with it, they are the types that reached it).
    /// </summary>
    public List<Provisional> Pop(bool succeeded)
    {
        Frame frame = _stack[_stack.Count - 1];
        _stack.RemoveAt(_stack.Count - 1);
        var dependents = new List<Provisional>();
        foreach (Provisional provisional in _provisional.Values)
        {
            if (provisional.DependsOn == frame.Index)
            {
                dependents.Add(provisional);
            }
        }

        if (succeeded && frame.Low < frame.Index)
        {
            // Still waiting for a type lower on the stack: everything waiting for this one now waits for that one.
            foreach (Provisional dependent in dependents)
            {
                dependent.DependsOn = frame.Low;
            }

            _provisional[frame.ClassName] = new Provisional(frame.ClassName, frame.Low, frame.References);
            return new List<Provisional>();
        }

        foreach (Provisional dependent in dependents)
        {
            _provisional.Remove(dependent.ClassName);
        }

        return succeeded ? new List<Provisional>() : dependents;
    }

    private int IndexOf(string className)
    {
        for (int i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].ClassName == className)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Frame
    {
        public Frame(string className, int index)
        {
            ClassName = className;
            Index = index;
            Low = index;
        }

        public string ClassName { get; }

        public int Index { get; }

        public int Low { get; set; }

        public JsonMember? CurrentMember { get; set; }

        public List<(JsonMember Member, string Target)> References { get; } = new();
    }
}

/// <summary>A finished type that waits for the type at stack index <see cref="DependsOn"/>, and the members that made it wait.</summary>
internal sealed class Provisional
{
    public Provisional(string className, int dependsOn, List<(JsonMember Member, string Target)> references)
    {
        ClassName = className;
        DependsOn = dependsOn;
        References = references;
    }

    public string ClassName { get; }

    public int DependsOn { get; set; }

    public List<(JsonMember Member, string Target)> References { get; }
}
