using System.Diagnostics;
using System.Globalization;

namespace OciRaw.Samples.ObjectStorage;

/// <summary>
/// Upload progress on one console line rewritten in place (<c>\r</c>), or, when the output is redirected to a file or
/// a pipe where <c>\r</c> would pile up, a plain line at each tenth of the way. Safe to call from parallel uploads.
/// </summary>
public sealed class ProgressLine(TextWriter output, bool inPlace, long total, int parts)
{
    private static readonly long MinTicksBetweenRedraws = Stopwatch.Frequency / 10;

    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;
    private int _partsDone;
    private int _lastTenth;
    private long _lastDraw = long.MinValue;
    private int _width;

    /// <summary>One part of <paramref name="bytes"/> is uploaded.</summary>
    public void PartDone(long bytes)
    {
        lock (_gate)
        {
            _done += bytes;
            _partsDone++;
            int tenth = (int)(_done * 10 / total);
            if (inPlace)
            {
                long now = _clock.ElapsedTicks;
                if (_done == total || now - _lastDraw >= MinTicksBetweenRedraws)
                {
                    _lastDraw = now;
                    string text = Describe();
                    output.Write("\r" + text.PadRight(_width));
                    _width = text.Length;
                }
            }
            else if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                output.WriteLine(Describe());
            }
        }
    }

    /// <summary>Ends the in-place line (a no-op for plain lines).</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (inPlace && _width > 0)
            {
                output.WriteLine();
                _width = 0;
            }
        }
    }

    private string Describe()
    {
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);
        return string.Create(CultureInfo.InvariantCulture,
            $"   uploaded {Mib(_done),7:F1} of {Mib(total):F1} MiB ({_done * 100 / total,3}%), {_partsDone} of {parts} parts, {Mib(_done) / seconds:F1} MiB/s");
    }

    private static double Mib(long bytes) => bytes / (double)SampleOptions.MiB;
}
