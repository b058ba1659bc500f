// Compiled into both the runtime and the generator, with EndpointTemplateSyntax.
namespace OciRaw.Shared;

/// <summary>One piece of an endpoint template: literal text, or the text between a placeholder's braces.</summary>
internal readonly struct EndpointTemplatePart
{
    private EndpointTemplatePart(string text, bool isPlaceholder)
    {
        Text = text;
        IsPlaceholder = isPlaceholder;
    }

    public string Text { get; }

    public bool IsPlaceholder { get; }

    public static EndpointTemplatePart Literal(string text) => new(text, false);

    public static EndpointTemplatePart Placeholder(string name) => new(name, true);
}
