using System.ComponentModel;
using System.Reflection;

namespace OciRaw.Tests;

/// <summary>
/// The shape of the public surface that the API baseline (src/Runtime/PublicAPI.*.txt) cannot express: what a user
/// writes lives in <c>OciRaw</c>, what only generated code calls lives in <c>OciRaw.Infrastructure</c> and is hidden
/// from IntelliSense, and every exception OciRaw defines can be caught as one <see cref="OciException"/>.
/// </summary>
public sealed class PublicSurfaceTests
{
    private static readonly Type[] PublicTypes = typeof(OciException).Assembly.GetExportedTypes();

    [Fact]
    public void Every_OciRaw_exception_derives_from_OciException()
    {
        Type[] exceptions = PublicTypes.Where(type => typeof(Exception).IsAssignableFrom(type)).ToArray();

        Assert.Contains(typeof(OciServiceException), exceptions);
        Assert.All(exceptions, type => Assert.True(typeof(OciException).IsAssignableFrom(type), $"{type} is not an OciException"));
    }

    [Fact]
    public void Generated_code_support_is_in_its_own_namespace_and_hidden_from_IntelliSense()
    {
        Type[] infrastructure = PublicTypes.Where(type => type.Namespace == "OciRaw.Infrastructure").ToArray();

        Assert.Contains(infrastructure, type => type.Name == "OciClientRuntime");
        Assert.All(infrastructure, type => Assert.Equal(EditorBrowsableState.Never, type.GetCustomAttribute<EditorBrowsableAttribute>()?.State));
    }

    [Fact]
    public void Namespace_OciRaw_holds_only_what_users_write()
    {
        Type[] userFacing = PublicTypes.Where(type => type.Namespace == "OciRaw").ToArray();

        Assert.Contains(typeof(OciSigningHandler), userFacing);
        Assert.All(userFacing, type => Assert.Null(type.GetCustomAttribute<EditorBrowsableAttribute>()));
        Assert.All(PublicTypes, type => Assert.Contains(type.Namespace, new[] { "OciRaw", "OciRaw.Infrastructure" }));
    }
}
