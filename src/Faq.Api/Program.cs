using Faq.Api.Admin;
using Faq.Api.Answering;
using Faq.Api.Ask;
using Faq.Api.Editing;
using Faq.Api.Embeddings;
using Faq.Api.Faqs;
using Faq.Api.Feedback;
using Faq.Api.Health;
using Faq.Api.Review;
using Faq.Api.Snapshots;
using Faq.Api.Store;
using Faq.Api.Webhooks;
using Faq.Api.Widget;

// Configuration files are read once: no file watchers, which cost start-up time and are useless on a read-only
// Functions package (settings change by restarting with new app settings).
var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);

builder.AddFaqHosting();
builder.AddFaqProblemDetails();
builder.AddFaqStore();
builder.AddFaqEmbeddings();
builder.AddFaqSnapshots();
builder.AddFaqReview();
builder.AddFaqAnswering();
builder.AddFaqEditing();
builder.AddFaqAdmin();
builder.AddFaqWidget();
builder.AddFaqRateLimits();
builder.AddFaqMessaging();
builder.AddFaqOpenApi();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaffPageRedirect();
app.UseFaqStaticFiles();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapFaqOpenApi();

// Every operation may be rate limited (health is not, but shares the contract).
var api = app.MapGroup("/api").ProducesProblems(StatusCodes.Status429TooManyRequests);
api.MapAsk();
api.MapFaqs();
api.MapHealth();
api.MapFeedback();
api.MapTwilioWebhook();

var admin = api.MapAdmin();
admin.MapAdminFeedback();

app.Run();

/// <summary>The web application; public so integration tests can host it.</summary>
public partial class Program;
