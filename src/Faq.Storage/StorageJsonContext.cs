using System.Text.Json.Serialization;
using Faq.Storage.Files;

namespace Faq.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(FileStoreDocument))]
[JsonSerializable(typeof(Dictionary<string, TranslationRecord>))]
[JsonSerializable(typeof(ReviewDocument))]
[JsonSerializable(typeof(FeedbackDocument))]
[JsonSerializable(typeof(UsageDocument))]
[JsonSerializable(typeof(Dictionary<string, long>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
