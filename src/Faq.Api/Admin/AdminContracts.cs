using Faq.Core.Content;
using Faq.Core.Storage;

namespace Faq.Api.Admin;

/// <summary>An entry as staff see it.</summary>
internal sealed record EntryDto(
    string Id,
    string Question,
    IReadOnlyList<string> Alternates,
    string Answer,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Related,
    long Version,
    string ETag,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    bool Deleted)
{
    public static EntryDto From(StoredEntry s) =>
        new(s.Entry.Id, s.Entry.Question, s.Entry.Alternates, s.Entry.Answer, s.Entry.Tags, s.Entry.Related, s.Version, s.ETag, s.UpdatedAt, s.UpdatedBy, s.Deleted);
}

/// <summary>An entry as staff send it (create, or full replacement on PUT).</summary>
internal sealed record EntryInput(
    string? Id,
    string? Question,
    List<string?>? Alternates,
    string? Answer,
    List<string?>? Tags,
    List<string?>? Related)
{
    public FaqEntry ToEntry(string? id = null) => new(
        (id ?? Id ?? string.Empty).Trim(),
        Question?.Trim() ?? string.Empty,
        FaqSet.Clean(Alternates),
        Answer?.Trim() ?? string.Empty,
        FaqSet.Clean(Tags),
        FaqSet.Clean(Related));
}

/// <summary>One version in an entry's history.</summary>
internal sealed record VersionDto(
    long Version,
    string Change,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    bool Deleted,
    string Question,
    IReadOnlyList<string> Alternates,
    string Answer,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Related)
{
    public static VersionDto From(EntryVersion v) =>
        new(v.Version, v.Change, v.UpdatedAt, v.UpdatedBy, v.Deleted, v.Entry.Question, v.Entry.Alternates, v.Entry.Answer, v.Entry.Tags, v.Entry.Related);
}
