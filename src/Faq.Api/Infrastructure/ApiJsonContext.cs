using System.Text.Json;
using System.Text.Json.Serialization;
using Faq.Api.Answering;
using Faq.Api.Ask;
using Faq.Api.Health;
using Faq.Core.Answering;
using Microsoft.AspNetCore.Mvc;

namespace Faq.Api.Infrastructure;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AskRequest))]
[JsonSerializable(typeof(AskResponse))]
[JsonSerializable(typeof(IReadOnlyList<Suggestion>))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(Admin.EntryDto))]
[JsonSerializable(typeof(Admin.EntryDto[]))]
[JsonSerializable(typeof(Faq.Core.Content.EntryInput))]
[JsonSerializable(typeof(Admin.VersionDto[]))]
[JsonSerializable(typeof(Admin.TryRequest))]
[JsonSerializable(typeof(Admin.TryResponse))]
[JsonSerializable(typeof(Admin.UnansweredGroupDto[]))]
[JsonSerializable(typeof(Admin.AttachRequest))]
[JsonSerializable(typeof(Admin.AttachGroupRequest))]
[JsonSerializable(typeof(Admin.DismissGroupRequest))]
[JsonSerializable(typeof(Admin.DismissedDto))]
[JsonSerializable(typeof(Insights.InsightsResponse))]
[JsonSerializable(typeof(Faq.Core.Editing.ImportReport))]
[JsonSerializable(typeof(Admin.FaqSetDocumentDto))]
[JsonSerializable(typeof(Feedback.FeedbackRequest))]
[JsonSerializable(typeof(Feedback.FeedbackCountDto[]))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
