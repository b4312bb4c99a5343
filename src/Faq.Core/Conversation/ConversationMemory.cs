using System.Collections.Concurrent;
using Faq.Core.Answering;

namespace Faq.Core.Conversation;

/// <summary>How long and how many conversations are remembered for follow-ups.</summary>
public sealed class ConversationOptions
{
    /// <summary>A conversation's topic is forgotten this long after its last turn.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most conversations remembered at once; the least recently active go first.</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Checks the options and returns the problems found, if any.</summary>
    public IEnumerable<string> Validate()
    {
        if (Expiry <= TimeSpan.Zero || Expiry > TimeSpan.FromHours(1))
        {
            yield return "Faq:Conversation:Expiry must be more than 0 and at most 01:00:00.";
        }

        if (MaxConversations is < 1 or > 1_000_000)
        {
            yield return "Faq:Conversation:MaxConversations must be between 1 and 1,000,000.";
        }
    }
}

/// <summary>
/// The previous turn's topic per conversation, for reading follow-ups: in this process's memory only, for a short
/// time, for a bounded number of conversations. Only the id of the entry a turn was answered from is kept, never what
/// the patient wrote. Thread-safe.
/// </summary>
public sealed class ConversationMemory
{
    private readonly ConcurrentDictionary<string, (string FaqId, DateTimeOffset At)> _topics = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ConversationOptions _options;
    private readonly Lock _trimming = new();

    /// <summary>Creates an empty memory.</summary>
    public ConversationMemory(ConversationOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _time = time;
    }

    /// <summary>Conversations remembered now (expired ones may still count until the next trim).</summary>
    public int Count => _topics.Count;

    /// <summary>The entry the conversation's previous turn was answered from, unless it expired or there is none.</summary>
    public string? TopicOf(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || !_topics.TryGetValue(sessionId, out var topic))
        {
            return null;
        }

        if (_time.GetUtcNow() - topic.At < _options.Expiry)
        {
            return topic.FaqId;
        }

        _topics.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(sessionId, topic));
        return null;
    }

    /// <summary>
    /// Remembers what a reply leaves as the topic: the entry of an answered reply; nothing after a fallback or an
    /// urgent reply (the conversation moved somewhere the FAQ does not follow); small talk and clarify keep the topic
    /// for another expiry period.
    /// </summary>
    public void Remember(string? sessionId, FaqReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }

        var now = _time.GetUtcNow();
        switch (reply.Outcome)
        {
            case AnswerOutcome.Answered when reply.FaqId is { } faqId:
                _topics[sessionId] = (faqId, now);
                break;
            case AnswerOutcome.Fallback or AnswerOutcome.Urgent:
                _topics.TryRemove(sessionId, out _);
                return;
            default:
                if (TopicOf(sessionId) is { } kept)
                {
                    _topics[sessionId] = (kept, now);
                }

                return;
        }

        if (_topics.Count > _options.MaxConversations)
        {
            Trim(now);
        }
    }

    // Over the bound: drop what expired, then the least recently active, down to 90 % so trims stay rare.
    private void Trim(DateTimeOffset now)
    {
        lock (_trimming)
        {
            foreach (var (id, topic) in _topics)
            {
                if (now - topic.At >= _options.Expiry)
                {
                    _topics.TryRemove(id, out _);
                }
            }

            var excess = _topics.Count - Math.Max(1, (int)(_options.MaxConversations * 0.9));
            if (excess <= 0)
            {
                return;
            }

            foreach (var (id, _) in _topics.ToArray().OrderBy(t => t.Value.At).Take(excess))
            {
                _topics.TryRemove(id, out _);
            }
        }
    }
}
