namespace OciRaw;

/// <summary>
/// Settings every signer shares, in the style of the Azure SDK's <c>ClientOptions</c>: a signer reads them once, when
/// it is created. The token signers have their own options types that derive from this one.
/// </summary>
public class OciSignerOptions
{
    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// The clock the signer reads: the <c>date</c> header it stamps, and for token signers when a token is due for
    /// refresh and when it has expired. Default: <see cref="TimeProvider.System"/>. Give another to correct a clock
    /// known to be off, or to run a signer on simulated time (for example
    /// <c>Microsoft.Extensions.Time.Testing.FakeTimeProvider</c>). Waits between network retries are real time.
    /// </summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _timeProvider = value;
        }
    }

    /// <summary>
    /// Receives a record of every security-token refresh of the instance- and resource-principal signers (the DI
    /// package logs them); null: none. Other signers never refresh.
    /// </summary>
    public OciObserver? Observer { get; set; }
}
