using Faq.Core.Editing;
using Faq.Core.Storage;
using Microsoft.Extensions.AI;

namespace Faq.Api.Editing;

internal static class EditingExtensions
{
    /// <summary>
    /// The editing service, the one write path of the admin API, the staff page, the review queue and imports: each
    /// change validated, saved with its vectors, and served through the snapshot refresher before the call returns.
    /// </summary>
    public static IHostApplicationBuilder AddFaqEditing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new EditingService(
            sp.GetRequiredService<IFaqStore>(),
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<ILogger<EditingService>>(),
            sp.GetRequiredService<IFaqReloader>()));
        return builder;
    }
}
