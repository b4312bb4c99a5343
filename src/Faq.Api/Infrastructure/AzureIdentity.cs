using Azure.Core;
using Azure.Identity;

namespace Faq.Api.Infrastructure;

/// <summary>The one Entra ID credential the app signs in to Azure services with (Table Storage, Azure OpenAI).</summary>
internal static class AzureIdentity
{
    /// <summary>
    /// In Azure (App Service and Functions set <c>IDENTITY_ENDPOINT</c> when the app has a managed identity): the managed
    /// identity, the user-assigned one whose client id <c>AZURE_CLIENT_ID</c> holds (the templates set it), and nothing
    /// else; not the whole <see cref="DefaultAzureCredential"/> chain, which would try other sources first. Elsewhere
    /// (a developer's machine): <see cref="DefaultAzureCredential"/>, so an Azure CLI or Visual Studio sign-in works.
    /// </summary>
    public static TokenCredential For(IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration["IDENTITY_ENDPOINT"]))
        {
            return new DefaultAzureCredential();
        }

        return new ManagedIdentityCredential(configuration["AZURE_CLIENT_ID"] is { Length: > 0 } clientId
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }
}
