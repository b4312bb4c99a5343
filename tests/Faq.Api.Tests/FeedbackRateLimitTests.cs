using System.Net;
using System.Net.Http.Json;

namespace Faq.Api.Tests;

public sealed class FeedbackRateLimitTests
{
    [Fact]
    public async Task AFloodOfFeedbackFromOneAddressIsLimitedWithRetryAfter()
    {
        using var factory = new FaqApiFactory();
        factory.StartServer();
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 35; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/feedback", new { faqId = "booking", helpful = true });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
