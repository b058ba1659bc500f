using System.Net;
using System.Text;
using OciRaw.Samples.IdentityUsers;
using OciRaw.Testing.Tests.TestSupport;
using static OciRaw.Testing.Tests.TestSupport.IdentityUsersCalls;

namespace OciRaw.Testing.Tests;

/// <summary>
/// Requests the emulated Identity users API refuses as OCI does: missing or malformed fields, bodies that are not
/// JSON objects, other compartments, bad limits and page tokens, each with OCI's status and error code.
/// </summary>
public sealed class IdentityUsersValidationTests
{
    [Theory]
    [InlineData("{}", "compartmentId, name, description")]
    [InlineData("""{"name":"n","description":"d"}""", "compartmentId")]
    [InlineData("""{"compartmentId":"{tenancy}","description":"d"}""", "name")]
    [InlineData("""{"compartmentId":"{tenancy}","name":"n"}""", "description")]
    [InlineData("""{"compartmentId":"{tenancy}","name":"  ","description":""}""", "name, description")]
    [InlineData("""{"compartmentId":"{tenancy}","name":42,"description":null}""", "name, description")]
    public async Task A_create_without_required_fields_is_400_InvalidParameter_naming_them(string json, string missing)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        string body = json.Replace("{tenancy}", context.Tenancy.TenancyId, StringComparison.Ordinal);

        using HttpResponseMessage response = await context.Http.PostAsync(UsersPath, new StringContent(body, Encoding.UTF8, "application/json"));

        string message = await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidParameter");
        Assert.Equal($"Missing or empty required field(s): {missing}.", message);
        Assert.Equal([context.Tenancy.UserId], (await ListAllAsync(context.Users, context.Tenancy.TenancyId)).Select(u => u.Id));
    }

    [Fact]
    public async Task The_generated_client_gets_400_for_an_empty_name()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => context.Users.CreateUserAsync(new CreateUserDetails(context.Tenancy.TenancyId, "", "d")));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
        Assert.Contains("name", e.ServiceMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("description", e.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(context.Tap.Sent.Single().Header("opc-request-id"), e.OpcRequestId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"name\":")]
    [InlineData("not json")]
    public async Task A_create_whose_body_is_not_a_JSON_object_is_400_CannotParseRequest(string body)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.PostAsync(UsersPath, new StringContent(body, Encoding.UTF8, "application/json"));

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "CannotParseRequest");
    }

    [Fact]
    public async Task A_create_in_another_compartment_is_400()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => context.Users.CreateUserAsync(new CreateUserDetails("ocid1.compartment.oc1..aaaaaaaasub", "p", "d")));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
        Assert.Contains("compartmentId", e.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_a_compartment_that_is_not_the_tenancy_is_404()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.GetAsync($"{UsersPath}?compartmentId=ocid1.compartment.oc1..aaaaaaaasub");

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "NotAuthorizedOrNotFound");
    }

    [Fact]
    public async Task An_update_whose_body_is_not_a_JSON_object_is_400_and_changes_nothing()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        OciResponse<User> created = await context.Users.CreateUserAsync(context.NewUserDetails("quinn"));

        using HttpResponseMessage response = await context.Http.PutAsync($"{UsersPath}/{created.Data.Id}", new StringContent("[1]", Encoding.UTF8, "application/json"));

        await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "CannotParseRequest");
        Assert.Equal(created.ETag, (await context.Users.GetUserAsync(created.Data.Id)).ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?limit=10")]
    [InlineData("?compartmentId=")]
    public async Task A_list_without_compartmentId_is_400(string query)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.GetAsync(UsersPath + query);

        string message = await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingParameter");
        Assert.Contains("compartmentId", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task A_list_with_a_bad_limit_is_400_InvalidParameter(string limit)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        using HttpResponseMessage response = await context.Http.GetAsync($"{UsersPath}?compartmentId={context.Tenancy.TenancyId}&limit={limit}");

        string message = await OciErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidParameter");
        Assert.Contains("limit", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_client_gets_400_for_limit_zero()
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(() => context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit: 0));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task The_limits_1_and_1000_are_accepted(int limit)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();
        await context.Users.CreateUserAsync(context.NewUserDetails("rose"));

        OciResponse<List<User>> page = await context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, limit);

        Assert.Equal(limit == 1 ? 1 : 2, page.Data.Count);
        Assert.Equal(limit == 1, page.OpcNextPage is not null);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("1")]
    [InlineData("emu-page-")]
    [InlineData("emu-page-!!!")]
    [InlineData("emu-page-LTE=")] // "-1"
    public async Task A_list_with_a_bad_page_token_is_400_InvalidParameter(string page)
    {
        await using EmulatorContext context = await EmulatorContext.StartAsync();

        OciServiceException e = await Assert.ThrowsAsync<OciServiceException>(
            () => context.Users.ListUsersPageAsync(context.Tenancy.TenancyId, page: page));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("InvalidParameter", e.ServiceCode);
        Assert.Contains("page", e.ServiceMessage, StringComparison.Ordinal);
    }
}
