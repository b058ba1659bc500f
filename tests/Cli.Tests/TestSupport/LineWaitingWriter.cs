using System.Text;

namespace OciRaw.Tests;

/// <summary>A thread-safe stdout/stderr for a command that keeps running: the test waits until a text has been written.</summary>
internal sealed class LineWaitingWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    /// <summary>Waits until <paramref name="text"/> was written, or <paramref name="running"/> ended (then fails with what it wrote).</summary>
    public async Task WaitForAsync(string text, Task running, TextWriter stderr)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ToString().Contains(text, StringComparison.Ordinal))
        {
            if (running.IsCompleted || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"'{text}' was not written ({(running.IsCompleted ? "the command ended" : "60 s passed")}).\nstdout: {this}\nstderr: {stderr}");
            }

            await Task.Delay(50);
        }
    }
}
