using Faq.Api.Webhooks;

namespace Faq.Api.Tests;

public sealed class TwilioSignatureTests
{
    // Twilio's published example: auth token 12345, this URL and these parameters.
    private static readonly Dictionary<string, string> TwilioExample = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    private const string TwilioUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

    [Fact]
    public void TheSignatureMatchesTwiliosPublishedExample()
    {
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.Compute("12345", TwilioUrl, TwilioExample));
        Assert.True(TwilioSignature.IsValid("12345", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioUrl, TwilioExample.Reverse()));
    }

    [Fact]
    public void AnyChangeInvalidatesTheSignature()
    {
        const string signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
        Assert.False(TwilioSignature.IsValid("12345", signature, TwilioUrl + "&x=1", TwilioExample));
        Assert.False(TwilioSignature.IsValid("54321", signature, TwilioUrl, TwilioExample));
        Assert.False(TwilioSignature.IsValid("12345", signature, TwilioUrl, new Dictionary<string, string>(TwilioExample) { ["Digits"] = "9999" }));
        Assert.False(TwilioSignature.IsValid("12345", null, TwilioUrl, TwilioExample));
        Assert.False(TwilioSignature.IsValid(string.Empty, signature, TwilioUrl, TwilioExample));
    }
}
