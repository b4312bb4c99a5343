using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Faq.Api.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void StartupFailsWhenTheDisclaimerIsConfiguredEmpty()
    {
        var error = FaqApiFactory.StartupFailure<OptionsValidationException>(new() { ["Faq:Answering:Disclaimer"] = "" });
        Assert.Contains("Disclaimer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupFailsWhenTheFaqFileIsMissing()
    {
        var error = FaqApiFactory.StartupFailure<OptionsValidationException>(new() { ["Faq:Content:Path"] = "/nonexistent/faq.json" });
        Assert.Contains("Faq:Content:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConfiguredDisclaimerAndClinicDetailsAreUsed()
    {
        using var factory = new FaqApiFactory(new()
        {
            ["Faq:Answering:Disclaimer"] = "Ask your own clinician.",
            ["Faq:Clinic:Name"] = "Stride Physio",
            ["Faq:Clinic:Phone"] = "555-0142",
        });
        factory.StartServer();
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "How do I book a dry needling appointment?" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ask your own clinician.", body.GetProperty("disclaimer").GetString());
        Assert.Contains("555-0142", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationFilesAreReadOnceWithoutFileWatchers()
    {
        using var factory = new FaqApiFactory();
        factory.StartServer();

        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file} watches its file"));
    }
}
