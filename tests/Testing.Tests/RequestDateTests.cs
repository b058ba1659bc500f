using System.Globalization;
using System.Net;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.AuthenticationRequests;

namespace OciRaw.Testing.Tests;

/// <summary>
/// The signed date (Date or x-date) must be RFC 1123 and within five minutes of the emulator's clock.
/// </summary>
public sealed class RequestDateTests
{
    [Theory]
    [InlineData(6)]
    [InlineData(-6)]
    [InlineData(60 * 24)]
    public async Task A_date_more_than_five_minutes_from_the_server_clock_is_rejected(int serverAheadMinutes)
    {
        // The server clock is moved, the client signs with the real one: a positive offset makes the request's date
        // lie in the server's past, a negative one in its future.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(serverAheadMinutes));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });

        using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context));

        await AssertRejectedAsync(context, response, ListRoute, "the 'date' header is");
        Assert.Contains("away from the server clock (limit 300 s)", context.Emulator.AuthenticationFailures[0]);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-4)]
    public async Task A_date_less_than_five_minutes_from_the_server_clock_is_accepted(int serverAheadMinutes)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(serverAheadMinutes));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });

        using HttpResponseMessage response = await context.Http.GetAsync(ListPath(context));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(context.Emulator.AuthenticationFailures);
    }

    [Fact]
    public async Task The_same_signed_request_is_accepted_until_the_server_clock_passes_five_minutes()
    {
        // A whole second: the date header has no fractions, so the skew is exactly what the test moves the clock by.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 15, 30, TimeSpan.Zero));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(context.Emulator.BaseAddress, ListPath(context)));
        request.Headers.Date = clock.GetUtcNow(); // the caller's own date is signed as is
        await context.Signer.SignAsync(request);
        string head = "GET " + request.RequestUri!.PathAndQuery + " HTTP/1.1\r\nHost: " + request.RequestUri.Authority + "\r\n"
            + string.Join("\r\n", request.Headers.NonValidated.Select(h => h.Key + ": " + h.Value));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(200, (await RawHttp.SendAsync(context.Emulator.BaseAddress, head, [])).Status);
        clock.Advance(TimeSpan.FromSeconds(1));
        RawResponse late = await RawHttp.SendAsync(context.Emulator.BaseAddress, head, []);

        Assert.Equal(401, late.Status);
        OciErrorAssert.IsErrorBody(late.BodyText, "NotAuthenticated", late.Header("Content-Type"));
        Assert.Equal($"{ListRoute}: the 'date' header is 301 s away from the server clock (limit 300 s)", Assert.Single(context.Emulator.AuthenticationFailures));
    }

    [Fact]
    public async Task A_date_that_is_not_RFC_1123_is_rejected()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        string iso = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("date", iso);

        using HttpResponseMessage response = await context.Http.SendAsync(request);

        await AssertRejectedAsync(context, response, ListRoute, $"the 'date' header '{iso}' is not an RFC 1123 date");
    }

    [Fact]
    public async Task A_stale_signed_x_date_is_rejected_even_next_to_a_fresh_date()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 15, 30, TimeSpan.Zero));
        await using EmulatorContext context = await EmulatorContext.StartAsync(new OciEmulatorOptions { TimeProvider = clock });
        HttpClient http = context.CreateHttp(null, request =>
        {
            // A fresh, unsigned date does not rescue a stale x-date: x-date is what was signed and what counts.
            request.Headers.Date = clock.GetUtcNow();
            return Task.CompletedTask;
        }, out WireTapHandler tap);
        using var request = new HttpRequestMessage(HttpMethod.Get, ListPath(context));
        request.Headers.TryAddWithoutValidation("x-date", clock.GetUtcNow().AddMinutes(-10).ToString("r", CultureInfo.InvariantCulture));

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal("x-date (request-target) host", tap.Sent.Single().AuthorizationParameter("headers"));
        Assert.NotNull(tap.Sent.Single().Header("date"));
        await AssertRejectedAsync(context, response, ListRoute, "the 'x-date' header is 600 s away from the server clock");
    }
}
