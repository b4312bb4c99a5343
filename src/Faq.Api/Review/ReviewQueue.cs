using Faq.Api.Snapshots;
using Faq.Core.Answering;
using Faq.Core.Matching;
using Faq.Core.Review;

namespace Faq.Api.Review;

/// <summary>A group of the review queue with the entry the matcher proposes for it (null: a new entry).</summary>
internal sealed record ReviewGroup(QuestionGroup Group, Candidate? Proposal)
{
    /// <summary>Whether any of its questions went unanswered (fallback or clarify), rather than answered with low confidence only.</summary>
    public bool Missed => Group.Members.Any(q => IsMissed(q.Outcome));

    public static bool IsMissed(string outcome) => outcome is "fallback" or "clarify";
}

/// <summary>
/// The review queue as staff see it: expired questions purged, the rest grouped by meaning, each group with the entry
/// the matcher ranks first for its question when that entry is likely enough (at least halfway from the clarify
/// threshold to the answer threshold: 0.45 by default), or none, meaning the question needs a new entry. A lower bar
/// proposes what merely shares a word ("do I need to wear anything special for dry needling" ranks "Is dry needling
/// used with other treatments?" first at 0.33), and one click would attach it to the wrong entry.
/// </summary>
internal sealed class ReviewQueue(
    IReviewStore review, UnansweredRecorder recorder, QuestionGrouper grouper, FaqSnapshots snapshots, IOptions<AnsweringOptions> answering)
{
    public async Task<IReadOnlyList<ReviewGroup>> GroupsAsync(CancellationToken cancellationToken)
    {
        await recorder.PurgeExpiredAsync(cancellationToken);
        var questions = await review.ListUnansweredAsync(cancellationToken);
        var index = snapshots.Current?.Index;
        var groups = await grouper.GroupAsync(questions, index?.TopicVector, cancellationToken);
        var options = answering.Value;
        var result = new List<ReviewGroup>(groups.Count);
        foreach (var group in groups)
        {
            Candidate? proposal = null;
            if (index is not null)
            {
                var search = await index.SearchAsync(group.Representative.Question, 1, options.Fusion, cancellationToken);
                var bar = (options.ClarifyThreshold + options.AnswerThreshold) / 2;
                proposal = search.Candidates.FirstOrDefault(c => c.Confidence >= bar);
            }

            result.Add(new ReviewGroup(group, proposal));
        }

        return result;
    }
}
