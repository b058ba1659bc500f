using Microsoft.Extensions.Configuration;

namespace OciRaw.Extensions.DependencyInjection.Tests;

/// <summary>Configuration sections built from key/value pairs, as appsettings.json would give them.</summary>
internal static class TestConfiguration
{
    /// <summary>The <c>Oci</c> section of a configuration holding <paramref name="values"/> (keys relative to it).</summary>
    public static IConfigurationSection Oci(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Oci:" + v.Key, v.Value)))
            .Build()
            .GetSection("Oci");
}
