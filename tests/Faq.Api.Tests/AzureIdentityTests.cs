using Azure.Identity;
using Faq.Api.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Faq.Api.Tests;

public sealed class AzureIdentityTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void InAzureTheAppSignsInWithItsManagedIdentityOnly()
    {
        var credential = AzureIdentity.For(Settings(("IDENTITY_ENDPOINT", "http://localhost:42356/msi/token"), ("AZURE_CLIENT_ID", "00000000-0000-0000-0000-000000000001")));

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void OnADevelopersMachineTheDefaultChainIsUsed()
    {
        Assert.IsType<DefaultAzureCredential>(AzureIdentity.For(Settings(("AZURE_CLIENT_ID", "00000000-0000-0000-0000-000000000001"))));
    }
}
