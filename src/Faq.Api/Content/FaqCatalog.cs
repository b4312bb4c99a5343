using Faq.Core.Matching;

namespace Faq.Api.Content;

/// <summary>
/// The current FAQ index. Requests read <see cref="Current"/> once and use that snapshot for the whole
/// request; a reload builds a new index off to the side and swaps it in atomically.
/// </summary>
internal sealed class FaqCatalog
{
    private volatile FaqSnapshot? _current;

    public FaqSnapshot? Current => _current;

    public void Publish(FaqSnapshot snapshot) => _current = snapshot;
}

/// <summary>An index and when it was built.</summary>
internal sealed record FaqSnapshot(FaqIndex Index, DateTimeOffset LoadedAt);
