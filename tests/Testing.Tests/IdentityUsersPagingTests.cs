using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.IdentityUsersCalls;

namespace OciRaw.Testing.Tests;

/// <summary>
/// Listing users of the emulated Identity users API page by page with <c>opc-next-page</c>, through the generated
/// client's page and item enumerations.
/// </summary>
public sealed class IdentityUsersPagingTests
{
    [Fact]
    public async Task ListUsersPageAsync_walks_three_pages_by_opc_next_page()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        List<string> expected = [context.Tenancy.UserId, .. await CreateUsersAsync(context, 7)];

        var pages = new List<OciResponse<List<User>>>();
        string? page = null;
        do
        {
            OciResponse<List<User>> response = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit: 3, page: page);
            pages.Add(response);
            page = response.OpcNextPage;
        }
        while (page is not null && pages.Count < 10);

        Assert.Equal([3, 3, 2], pages.Select(p => p.Data.Count));
        Assert.NotNull(pages[0].OpcNextPage);
        Assert.NotNull(pages[1].OpcNextPage);
        Assert.NotEqual(pages[0].OpcNextPage, pages[1].OpcNextPage);
        Assert.Null(pages[2].OpcNextPage);
        Assert.Equal(expected, pages.SelectMany(p => p.Data).Select(u => u.Id));
        // The tokens went out verbatim as the page query parameter.
        Assert.Equal(
            [null, pages[0].OpcNextPage, pages[1].OpcNextPage],
            context.Tap.Sent.Where(r => r.Method == "GET").Select(r => QueryValue(r.Uri, "page")));
    }

    [Fact]
    public async Task ListUsersAsync_follows_opc_next_page_lazily_over_every_page()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        List<string> expected = [context.Tenancy.UserId, .. await CreateUsersAsync(context, 7)];
        context.Emulator.Faults.Reset();

        var seen = new List<string>();
        var callsBeforeItem = new List<int>();
        await foreach (User user in context.Users.ListUsersAsync(context.Tenancy.TenancyId, limit: 3))
        {
            seen.Add(user.Id);
            callsBeforeItem.Add(context.Emulator.Faults.CallCount("GET /20160918/users"));
        }

        Assert.Equal(expected, seen);
        // One request per page, each sent only when its first item is needed.
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3], callsBeforeItem);
        Assert.Equal(3, context.Emulator.Faults.CallCount("GET /20160918/users"));
    }

    [Fact]
    public async Task A_list_that_ends_exactly_on_a_page_boundary_has_no_next_page()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await CreateUsersAsync(context, 5); // 6 users with the tenancy's own
        context.Emulator.Faults.Reset();

        OciResponse<List<User>> first = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit: 3);
        OciResponse<List<User>> second = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit: 3, page: first.OpcNextPage);
        List<User> all = await ListAllAsync(context.Users, context.Tenancy.TenancyId, limit: 3);

        Assert.NotNull(first.OpcNextPage);
        Assert.Equal(3, second.Data.Count);
        Assert.Null(second.OpcNextPage);
        Assert.Equal(6, all.Count);
        Assert.Equal(4, context.Emulator.Faults.CallCount("GET /20160918/users")); // 2 + 2: no empty third page
    }

    [Fact]
    public async Task Stopping_the_enumeration_early_sends_no_further_page_request()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await CreateUsersAsync(context, 7);
        context.Emulator.Faults.Reset();

        User? fourth = null;
        int index = 0;
        await foreach (User user in context.Users.ListUsersAsync(context.Tenancy.TenancyId, limit: 2))
        {
            if (++index == 4)
            {
                fourth = user;
                break;
            }
        }

        Assert.NotNull(fourth);
        Assert.Equal(2, context.Emulator.Faults.CallCount("GET /20160918/users"));
    }

    [Fact]
    public async Task The_default_list_returns_everything_on_one_page()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await CreateUsersAsync(context, 4);

        OciResponse<List<User>> page = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId);

        Assert.Equal(5, page.Data.Count);
        Assert.Null(page.OpcNextPage);
    }
}
