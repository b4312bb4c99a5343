using Faq.Core.Answering;
using Microsoft.Extensions.Options;

namespace Faq.Api.Ask;

internal static class AnsweringExtensions
{
    public const string AnsweringSection = "Faq:Answering";
    public const string ClinicSection = "Faq:Clinic";

    /// <summary>The answering policy and the clinic's details; start-up fails on invalid settings (such as an empty disclaimer).</summary>
    public static WebApplicationBuilder AddFaqAnswering(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringSection).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AnsweringOptions>, AnsweringOptionsValidator>();
        builder.Services.AddOptions<ClinicProfile>().BindConfiguration(ClinicSection)
            .Validate(c => !string.IsNullOrWhiteSpace(c.Name), "Faq:Clinic:Name must not be empty.")
            .Validate(c => !string.IsNullOrWhiteSpace(c.EmergencyNumber), "Faq:Clinic:EmergencyNumber must not be empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new FaqAnswerer(
            sp.GetRequiredService<IOptions<AnsweringOptions>>().Value,
            sp.GetRequiredService<IOptions<ClinicProfile>>().Value,
            sp.GetRequiredService<Widget.WidgetOptions>().FeaturedQuestions)); // a greeting offers the featured questions
        builder.Services.AddSingleton<AskLog>();
        return builder;
    }

    private sealed class AnsweringOptionsValidator : IValidateOptions<AnsweringOptions>
    {
        public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
        {
            var problems = options.Validate().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

/// <summary>The ask endpoint's logger (category <c>Faq.Api.Ask.AskEndpoints</c>), created once: the endpoint's handlers
/// are static methods, and creating a logger by type on every request costs a type-name lookup and a lock.</summary>
internal sealed class AskLog(ILoggerFactory loggers)
{
    public ILogger Logger { get; } = loggers.CreateLogger(typeof(AskEndpoints));
}
