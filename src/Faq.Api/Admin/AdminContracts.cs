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
    bool Deleted,
    IReadOnlyDictionary<string, FaqContent> Translations)
{
    public static EntryDto From(StoredEntry s) =>
        new(s.Entry.Id, s.Entry.Question, s.Entry.Alternates, s.Entry.Answer, s.Entry.Tags, s.Entry.Related, s.Version, s.ETag, s.UpdatedAt, s.UpdatedBy, s.Deleted, s.Entry.Translations);
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
    IReadOnlyList<string> Related,
    IReadOnlyDictionary<string, FaqContent> Translations)
{
    public static VersionDto From(EntryVersion v) =>
        new(v.Version, v.Change, v.UpdatedAt, v.UpdatedBy, v.Deleted, v.Entry.Question, v.Entry.Alternates, v.Entry.Answer, v.Entry.Tags, v.Entry.Related, v.Entry.Translations);
}

/// <summary>Only for the OpenAPI description of the JSON import body: the data/faq format.</summary>
internal sealed record FaqSetDocumentDto(IReadOnlyList<EntryInput> Entries);
