using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Faq.Api.Answering;
using Faq.Api.Ask;
using Faq.Core.Channels;
using Microsoft.OpenApi;

namespace Faq.Api.OpenApi;

/// <summary>Required fields and worked examples for the schemas integrators use most.</summary>
internal static class Examples
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(Ask.AskRequest))
        {
            schema.Required = new HashSet<string> { "question" };
            schema.Examples = [new JsonObject { ["question"] = "Does dry needling hurt?", ["sessionId"] = "c-1234", ["channel"] = "web" }];
            // Stated from the validator's own constants, so the document cannot drift from what the server enforces.
            Constrain(schema, "question", JsonSchemaType.String, minLength: 1, maxLength: AnsweringService.MaxQuestionLength);
            Constrain(schema, "sessionId", JsonSchemaType.String | JsonSchemaType.Null, maxLength: AskEndpoints.MaxSessionIdLength);
            Constrain(schema, "channel", JsonSchemaType.String | JsonSchemaType.Null, values: ChannelText.Names);
            Describe(schema, "question", $"The patient's question, 1 to {AnsweringService.MaxQuestionLength} characters, not blank.");
            Describe(schema, "sessionId", $"Optional id of the conversation, at most {AskEndpoints.MaxSessionIdLength} characters; echoed back. "
                + "With it, a follow-up that leans on the previous question (\"can dry needling help with it?\") is read in that context for a few minutes.");
            Describe(schema, "channel", "Optional: web (default), sms, whatsapp or api, matched ignoring case. sms and whatsapp get plain text that fits one 1,600-character message with the disclaimer.");
        }
        else if (type == typeof(Answering.AskResponse))
        {
            schema.Required = new HashSet<string> { "outcome", "answer", "confidence", "suggestions", "disclaimer", "contact" };
            schema.Examples = [new JsonObject
            {
                ["outcome"] = "answered",
                ["answer"] = "Most people find it less painful than they expect.",
                ["faqId"] = "is-it-painful",
                ["confidence"] = 0.947,
                ["suggestions"] = new JsonArray(new JsonObject { ["faqId"] = "side-effects", ["question"] = "What are the side effects of dry needling?" }),
                ["disclaimer"] = "This is general information, not medical advice. Please talk to your physical therapist, podiatrist or doctor about your own situation.",
                ["sessionId"] = "c-1234",
                ["contact"] = new JsonArray(new JsonObject { ["kind"] = "call", ["label"] = "Call 555-0100", ["href"] = "tel:5550100" }),
            }];
            Describe(schema, "outcome", "answered, clarify, fallback, urgent or smalltalk (a greeting, thanks, goodbye or \"ok\" got a short reply of its own; confidence 1, no faqId).");
            Describe(schema, "contact", "Ways to reach a person at the clinic (kind call, book or email; a label and a tel:, mailto: or https link), from its configuration; on every reply but an urgent one, empty when none is configured. Offer them with clarify and fallback replies and after \"not helpful\".");
            Describe(schema, "faqId", "The entry answered from; only when outcome is answered.");
            Describe(schema, "confidence", "Calibrated confidence in the best entry, 0 to 1; 1 for urgent and smalltalk replies.");
            Describe(schema, "disclaimer", "Present and non-empty on every reply.");
            Describe(schema, "category", "For an urgent reply, the red-flag category (breathing, chest-cardiac, anaphylaxis, stroke, bleeding, blood-cough-vomit, infection, clot, cold-limb, nerve, collapse, self-harm, emergency) to route it by; null otherwise. self-harm replies offer the crisis line, all others the emergency number.");
        }
        else if (type == typeof(Feedback.FeedbackRequest))
        {
            schema.Required = new HashSet<string> { "faqId", "helpful" };
            schema.Examples = [new JsonObject { ["faqId"] = "is-it-painful", ["helpful"] = true }];
        }
        else if (type == typeof(Faq.Core.Content.EntryInput))
        {
            schema.Required = new HashSet<string> { "question", "answer" };
            schema.Examples = [new JsonObject
            {
                ["id"] = "parking",
                ["question"] = "Is there parking at the clinic?",
                ["alternates"] = new JsonArray("where do I park", "can I park my car there"),
                ["answer"] = "Yes: free parking behind the building.",
                ["tags"] = new JsonArray("clinic"),
                ["related"] = new JsonArray("booking"),
            }];
        }
        else if (type == typeof(Admin.AttachRequest))
        {
            schema.Required = new HashSet<string> { "faqId" };
            schema.Examples = [new JsonObject { ["faqId"] = "booking" }];
        }
        else if (type == typeof(Admin.TryRequest))
        {
            schema.Required = new HashSet<string> { "question" };
            schema.Examples = [new JsonObject { ["question"] = "how long will I be sore?" }];
        }

        return Task.CompletedTask;
    }

    private static void Constrain(OpenApiSchema schema, string property, JsonSchemaType type, int? minLength = null, int? maxLength = null, IReadOnlyList<string>? values = null)
    {
        if (schema.Properties?.TryGetValue(property, out var value) == true && value is OpenApiSchema declared)
        {
            declared.Type = type;
            declared.MinLength = minLength;
            declared.MaxLength = maxLength;
            if (values is not null)
            {
                // A nullable property's enum lists null too, or a validator would refuse the null its type allows.
                var allowed = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
                if (type.HasFlag(JsonSchemaType.Null))
                {
                    allowed.Add(null!);
                }

                declared.Enum = allowed;
            }
        }
    }

    private static void Describe(OpenApiSchema schema, string property, string description)
    {
        if (schema.Properties?.TryGetValue(property, out var value) == true && value is OpenApiSchema property_)
        {
            property_.Description = description;
        }
    }
}
