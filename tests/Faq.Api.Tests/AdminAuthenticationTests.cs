using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Faq.Api.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Faq.Api.Tests;

public sealed class AdminAuthenticationTests
{
    private static string Principal(string name, params string[] roles)
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static async Task<HttpStatusCode> ListWith(FaqApiFactory factory, string header, string value)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(header, value);
        using var response = await client.GetAsync("/api/admin/entries");
        return response.StatusCode;
    }

    [Fact]
    public async Task PlatformSignInWithTheEditorRoleIsAcceptedAndNamesTheEditor()
    {
        using var factory = new FaqApiFactory(new() { ["Faq:Admin:TrustPlatformAuth"] = "true" });
        factory.StartServer();
        Assert.Equal(HttpStatusCode.OK, await ListWith(factory, "X-MS-CLIENT-PRINCIPAL", Principal("dana@clinic.example", "FaqEditor")));
        Assert.Equal(HttpStatusCode.Forbidden, await ListWith(factory, "X-MS-CLIENT-PRINCIPAL", Principal("visitor@clinic.example", "Reader")));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(factory, "X-MS-CLIENT-PRINCIPAL", "not base64 json"));

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal("dana@clinic.example", "FaqEditor"));
        using var deleted = await client.DeleteAsync("/api/admin/entries/booking");
        Assert.Equal("dana@clinic.example", (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updatedBy").GetString());
    }

    [Fact]
    public async Task ThePlatformHeaderIsIgnoredUnlessTrusted()
    {
        using var factory = new FaqApiFactory(new() { ["Faq:Admin:Keys:0:Name"] = "alice", ["Faq:Admin:Keys:0:Key"] = "k-0123456789" });
        factory.StartServer();
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(factory, "X-MS-CLIENT-PRINCIPAL", Principal("mallory", "FaqEditor")));
        Assert.Equal(HttpStatusCode.OK, await ListWith(factory, "X-Api-Key", "k-0123456789"));
    }

    [Fact]
    public async Task ALocalRunWithoutKeysGetsARandomKeyNeverAFixedDefault()
    {
        using var first = new FaqApiFactory();
        using var second = new FaqApiFactory();
        first.StartServer();
        second.StartServer();
        var key1 = first.Services.GetRequiredService<GeneratedAdminKey>().Key;
        var key2 = second.Services.GetRequiredService<GeneratedAdminKey>().Key;

        Assert.NotNull(key1);
        Assert.True(key1.Length >= 32);
        Assert.NotEqual(key1, key2);
        Assert.Equal(HttpStatusCode.OK, await ListWith(first, "X-Api-Key", key1));
        foreach (var guess in new[] { "admin", "changeme", "local-admin", key2! })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(first, "X-Api-Key", guess));
        }
    }

    [Fact]
    public void ConfiguredKeysMeanNoGeneratedKey()
    {
        using var factory = new FaqApiFactory(new() { ["Faq:Admin:Keys:0:Name"] = "alice", ["Faq:Admin:Keys:0:Key"] = "k-0123456789" });
        factory.StartServer();
        Assert.Null(factory.Services.GetRequiredService<GeneratedAdminKey>().Key);
    }
}
