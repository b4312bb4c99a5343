using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Faq.Api.Webhooks;
using Faq.Core.Channels;
using Faq.Tests;

namespace Faq.Api.Tests;

public sealed class TwilioWebhookTests : IDisposable
{
    private const string Token = "test-auth-token";
    private const string PublicBase = "https://faq.clinic.example";
    private readonly FaqApiFactory _factory;
    private readonly HttpClient _client;

    public TwilioWebhookTests()
    {
        _factory = new FaqApiFactory(new()
        {
            ["Faq:Twilio:AuthToken"] = Token,
            ["Faq:Twilio:PublicBaseUrl"] = PublicBase,
            ["Faq:Clinic:Name"] = "Stride Physio",
            ["Faq:Clinic:Phone"] = "555-0142",
            ["Faq:Admin:Keys:0:Name"] = "staff",
            ["Faq:Admin:Keys:0:Key"] = "staff-key-0123456789",
        });
        _factory.StartServer();
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<HttpResponseMessage> Post(Dictionary<string, string> form, string? signature, string url = PublicBase + "/api/webhooks/twilio")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/twilio") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(Token, url, form));
        return await _client.SendAsync(request);
    }

    private static Dictionary<string, string> Sms(string body, string from = "+15550001111") =>
        new() { ["Body"] = body, ["From"] = from, ["To"] = "+15550009999", ["MessageSid"] = "SM123", ["AccountSid"] = "AC123" };

    private static async Task<string> MessageText(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        return xml.Root.Element("Message")!.Value;
    }

    [Fact]
    public async Task ASignedTextGetsTheAnswerAndTheDisclaimerAsTwiML()
    {
        using var response = await Post(Sms("does dry needling hurt?"), null);
        var text = await MessageText(response);
        Assert.StartsWith("Most people find it less painful", text, StringComparison.Ordinal);
        Assert.EndsWith("about your own situation.", text, StringComparison.Ordinal);
        Assert.True(text.Length <= ChannelText.MaxMessageLength);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("wrong", "wrong")]
    public async Task AMissingOrWrongSignatureIsForbiddenAndNothingIsProcessed(string? signature, string _)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/twilio") { Content = new FormUrlEncodedContent(Sms("where do I park my bicycle")) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Task.Delay(300);
        using var staff = _factory.CreateClient();
        staff.DefaultRequestHeaders.Add("X-Api-Key", "staff-key-0123456789");
        Assert.DoesNotContain("bicycle", await staff.GetStringAsync("/api/admin/unanswered"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedBodyOrUrlFailsTheSignature()
    {
        var form = Sms("does it hurt?");
        var signature = TwilioSignature.Compute(Token, PublicBase + "/api/webhooks/twilio", form);
        form["Body"] = "does it hurt? and send me everything";
        using var tamperedBody = await Post(form, signature);
        Assert.Equal(HttpStatusCode.Forbidden, tamperedBody.StatusCode);

        var other = Sms("does it hurt?");
        using var tamperedUrl = await Post(other, TwilioSignature.Compute(Token, "https://evil.example/api/webhooks/twilio", other));
        Assert.Equal(HttpStatusCode.Forbidden, tamperedUrl.StatusCode);
    }

    [Fact]
    public async Task WhatsAppSendersAndHelpAreHandled()
    {
        using var help = await Post(Sms("HELP"), null);
        var helpText = await MessageText(help);
        Assert.Contains("555-0142", helpText, StringComparison.Ordinal);
        Assert.Contains("Stride Physio", helpText, StringComparison.Ordinal);

        using var whatsapp = await Post(Sms("how many sessions will I need", "whatsapp:+15550002222"), null);
        Assert.Contains("two to four sessions", await MessageText(whatsapp), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersWithMarkupCharactersAreEscapedInTwiML()
    {
        using (var staff = _factory.CreateClient())
        {
            staff.DefaultRequestHeaders.Add("X-Api-Key", "staff-key-0123456789");
            using var created = await staff.PostAsJsonAsync("/api/admin/entries", new
            {
                id = "escaping", question = "What about escaping characters?", answer = "Tom & Jerry say \"hi\" 'there' and 3 < 4 > 2.",
            });
            created.EnsureSuccessStatusCode();
        }

        // The new entry is served within moments of saving.
        var raw = string.Empty;
        await Polling.Eventually(
            async () =>
            {
                using var response = await Post(Sms("What about escaping characters?"), null);
                raw = await response.Content.ReadAsStringAsync();
                return raw.Contains("Tom", StringComparison.Ordinal);
            },
            "the new entry is answered",
            TimeSpan.FromSeconds(2));
        Assert.Contains("Tom &amp; Jerry say &quot;hi&quot; &apos;there&apos; and 3 &lt; 4 &gt; 2.", raw, StringComparison.Ordinal);
        Assert.StartsWith("Tom & Jerry say \"hi\" 'there' and 3 < 4 > 2.", XDocument.Parse(raw).Root!.Element("Message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATextThatFallsBackOffersAPersonAndAFollowUpUsesTheSendersPreviousTopic()
    {
        using var fallback = await Post(Sms("tell me about cupping therapy", "+15550003333"), null);
        Assert.Contains("To talk to a person: call 555-0142", await MessageText(fallback), StringComparison.Ordinal);

        using var first = await Post(Sms("What is plantar fasciitis?", "+15550004444"), null);
        Assert.Contains("plantar fascia is a thick band", await MessageText(first), StringComparison.Ordinal);
        using var followUp = await Post(Sms("can dry needling help with it?", "+15550004444"), null);
        Assert.Contains("calf (gastrocnemius and soleus)", await MessageText(followUp), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAskApiShapesSmsRepliesAndEchoesTheSession()
    {
        using var response = await _client.PostAsJsonAsync("/api/ask", new { question = "tell me about cupping therapy", channel = "sms", sessionId = "sms-42" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sms-42", body.GetProperty("sessionId").GetString());
        var answer = body.GetProperty("answer").GetString()!;
        Assert.True(answer.Length + 2 + body.GetProperty("disclaimer").GetString()!.Length <= ChannelText.MaxMessageLength);
        Assert.DoesNotContain("<", answer, StringComparison.Ordinal);
    }
}
