namespace Faq.Api.Webhooks;

/// <summary>The Twilio account this app answers SMS and WhatsApp for (<c>Faq:Twilio</c>).</summary>
internal sealed class TwilioOptions
{
    public const string Section = "Faq:Twilio";

    /// <summary>The account's auth token, used to check each request's signature. Without it every request is refused.</summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>
    /// The public base URL Twilio calls (e.g. <c>https://faq-clinic.azurewebsites.net</c>): the app sits behind the
    /// Functions front end, so the URL it sees is not the one Twilio signed.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;
}

internal static class MessagingExtensions
{
    public static IHostApplicationBuilder AddFaqMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.AuthToken) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
                "Faq:Twilio:PublicBaseUrl must be the absolute URL Twilio calls (e.g. https://faq-clinic.azurewebsites.net) when Faq:Twilio:AuthToken is set.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TwilioMessages>();
        return builder;
    }
}
