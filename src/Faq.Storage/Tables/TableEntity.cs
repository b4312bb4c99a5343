using System.Globalization;
using System.Text.Json;

namespace Faq.Storage.Tables;

/// <summary>
/// A table entity: its keys, the service's ETag and Timestamp, and typed properties. Supported value types:
/// string, bool, int (Edm.Int32), long (Edm.Int64), double (Edm.Double), DateTimeOffset (Edm.DateTime),
/// byte[] (Edm.Binary) and Guid (Edm.Guid).
/// </summary>
internal sealed class TableEntity
{
    public const int MaxPropertyBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxPropertyNameLength = 255;

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    public string? ETag { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public object? this[string name]
    {
        get => Properties.GetValueOrDefault(name);
        set => Properties[name] = value;
    }

    public string? GetString(string name) => Properties.GetValueOrDefault(name) as string;

    public long? GetInt64(string name) => Properties.GetValueOrDefault(name) switch
    {
        long l => l,
        int i => i,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        _ => null,
    };

    public bool? GetBoolean(string name) => Properties.GetValueOrDefault(name) as bool?;

    public DateTimeOffset? GetDateTime(string name) => Properties.GetValueOrDefault(name) as DateTimeOffset?;

    public byte[]? GetBinary(string name) => Properties.GetValueOrDefault(name) as byte[];

    /// <summary>Checks the service's limits before anything is sent.</summary>
    /// <exception cref="ArgumentException">A key, a name, a value or the whole entity breaks a limit.</exception>
    public void Validate()
    {
        TableKeys.Validate(PartitionKey, nameof(PartitionKey));
        TableKeys.Validate(RowKey, nameof(RowKey));
        if (Properties.Count > MaxCustomProperties)
        {
            throw new ArgumentException($"An entity may have at most {MaxCustomProperties} properties; this one has {Properties.Count}.");
        }

        long size = 4 + ((PartitionKey.Length + RowKey.Length) * 2);
        foreach (var (name, value) in Properties)
        {
            if (name.Length is 0 or > MaxPropertyNameLength || name is "PartitionKey" or "RowKey" or "Timestamp" || name.Contains("@odata", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a valid property name.");
            }

            var bytes = value switch
            {
                null => 0,
                string s => (s.Length * 2) + 4,
                byte[] b => b.Length + 4,
                bool => 1,
                int or float => 4,
                long or double or DateTimeOffset or DateTime => 8,
                Guid => 16,
                _ => throw new ArgumentException($"Property '{name}' has an unsupported type {value.GetType().Name}."),
            };
            if (bytes - 4 > MaxPropertyBytes)
            {
                throw new ArgumentException($"Property '{name}' is {bytes - 4} bytes; a property may be at most {MaxPropertyBytes} bytes.");
            }

            size += 8 + (name.Length * 2) + bytes;
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The entity is about {size} bytes; an entity may be at most {MaxEntityBytes} bytes.");
        }
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(PartitionKey), PartitionKey);
            writer.WriteString(nameof(RowKey), RowKey);
            foreach (var (name, value) in Properties)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + "@odata.type", "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteString(name + "@odata.type", "Edm.Double");
                writer.WriteNumber(name, d);
                break;
            case DateTimeOffset t:
                writer.WriteString(name + "@odata.type", "Edm.DateTime");
                writer.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                writer.WriteString(name + "@odata.type", "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            case Guid g:
                writer.WriteString(name + "@odata.type", "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            default:
                throw new ArgumentException($"Property '{name}' has an unsupported type {value.GetType().Name}.");
        }
    }

    /// <summary>Reads an entity from OData JSON with minimal metadata (type annotations for non-default types).</summary>
    public static TableEntity FromJson(JsonElement json, string? etag = null)
    {
        var partitionKey = json.TryGetProperty(nameof(PartitionKey), out var pk) ? pk.GetString() ?? string.Empty : string.Empty;
        var rowKey = json.TryGetProperty(nameof(RowKey), out var rk) ? rk.GetString() ?? string.Empty : string.Empty;
        var entity = new TableEntity(partitionKey, rowKey);
        entity.ETag = etag ?? (json.TryGetProperty("odata.etag", out var e) ? e.GetString() : null);

        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var type = json.TryGetProperty(name + "@odata.type", out var annotation) ? annotation.GetString() : null;
            var value = property.Value;
            if (name == "Timestamp")
            {
                entity.Timestamp = value.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;
                continue;
            }

            entity.Properties[name] = type switch
            {
                "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                "Edm.Binary" => value.GetBytesFromBase64(),
                "Edm.Guid" => Guid.Parse(value.GetString()!),
                "Edm.Double" => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble(),
                _ => value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => value.TryGetInt32(out var i) ? i : value.GetDouble(),
                    _ => null,
                },
            };
        }

        return entity;
    }

    public override string ToString() => $"{PartitionKey}/{RowKey}";
}
