using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Faq.Storage.Tables;

/// <summary>Options for <see cref="TablesClient"/>: retries, logging and diagnostics come from Azure.Core.</summary>
internal sealed class TablesClientOptions : ClientOptions
{
    public const string ServiceVersion = "2019-02-02";
}

/// <summary>How an update treats properties the request does not name.</summary>
internal enum TableUpdateMode
{
    /// <summary>Replace the whole entity.</summary>
    Replace,

    /// <summary>Keep the properties the request does not name.</summary>
    Merge,
}

/// <summary>
/// A small client for the Azure Table service REST API on Azure.Core's <see cref="HttpPipeline"/> (retries,
/// logging, request ids), with SharedKeyLite or Entra ID (TokenCredential) authentication. Thread-safe; use one
/// instance per endpoint. It covers what this app needs: create table, insert, upsert, update and merge with
/// ETags, point reads, filtered and projected queries with continuation, and delete.
/// </summary>
internal sealed class TablesClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private const string JsonContent = "application/json;odata=nometadata";
    private static readonly RequestMethod Merge = new("MERGE");
    private readonly HttpPipeline _pipeline;
    private readonly string _endpoint; // without a trailing slash: a host-only Uri would add one back

    /// <summary>A client authenticated with the account key from a connection string.</summary>
    public TablesClient(string connectionString, TablesClientOptions? options = null)
    {
        var connection = TablesConnection.Parse(connectionString);
        _endpoint = connection.Endpoint.ToString().TrimEnd('/');
        _pipeline = Build(options ?? new TablesClientOptions(), new SharedKeyLitePolicy(connection.AccountName, connection.AccountKey));
    }

    /// <summary>A client authenticated with Entra ID (for example a managed identity).</summary>
    public TablesClient(Uri endpoint, TokenCredential credential, TablesClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _endpoint = endpoint.ToString().TrimEnd('/');
        _pipeline = Build(options ?? new TablesClientOptions(), new BearerTokenAuthenticationPolicy(credential, "https://storage.azure.com/.default"));
    }

    public Uri Endpoint => new(_endpoint);

    private static HttpPipeline Build(TablesClientOptions options, HttpPipelinePolicy authentication)
    {
        options.Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        options.Diagnostics.LoggedHeaderNames.Add("x-ms-version");
        return HttpPipelineBuilder.Build(new HttpPipelineOptions(options)
        {
            PerRetryPolicies = { authentication },
            RequestFailedDetailsParser = new TablesErrorParser(),
        });
    }

    /// <summary>Creates the table; true when created, false when it already existed.</summary>
    public async Task<bool> CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        ValidateTableName(table);
        using var body = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", table);
            writer.WriteEndObject();
        }

        using var message = CreateMessage(RequestMethod.Post, "/Tables", body.ToArray());
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 409)
        {
            return false;
        }

        EnsureSuccess(response);
        return true;
    }

    /// <summary>Inserts a new entity; throws with status 409 when it exists. Returns the new ETag.</summary>
    public async Task<string> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        entity.Validate();
        using var message = CreateMessage(RequestMethod.Post, "/" + table, entity.ToJson());
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, cancellationToken);
        EnsureSuccess(response);
        return ETagOf(response);
    }

    /// <summary>Insert-or-replace, or insert-or-merge. Returns the new ETag.</summary>
    public Task<string> UpsertAsync(string table, TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken = default) =>
        WriteAsync(table, entity, mode, ifMatch: null, cancellationToken);

    /// <summary>Replaces or merges an existing entity if its ETag still matches (<c>*</c> matches any). Returns the new ETag.</summary>
    public Task<string> UpdateAsync(string table, TableEntity entity, string ifMatch, TableUpdateMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteAsync(table, entity, mode, ifMatch, cancellationToken);
    }

    private async Task<string> WriteAsync(string table, TableEntity entity, TableUpdateMode mode, string? ifMatch, CancellationToken cancellationToken)
    {
        entity.Validate();
        var method = mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put;
        using var message = CreateMessage(method, "/" + table + TableKeys.EntityPath(entity.PartitionKey, entity.RowKey), entity.ToJson());
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        var response = await SendAsync(message, cancellationToken);
        EnsureSuccess(response);
        return ETagOf(response);
    }

    /// <summary>Reads one entity, or null when it does not exist.</summary>
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var path = "/" + table + TableKeys.EntityPath(partitionKey, rowKey);
        var query = select is null ? null : "$select=" + Uri.EscapeDataString(string.Join(',', select.Union(["PartitionKey", "RowKey"])));
        using var message = CreateMessage(RequestMethod.Get, path, null, query);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        EnsureSuccess(response);
        using var document = await JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: cancellationToken);
        return TableEntity.FromJson(document.RootElement, response.Headers.ETag?.ToString());
    }

    /// <summary>Queries entities page by page, following continuation tokens.</summary>
    /// <param name="table">The table.</param>
    /// <param name="filter">An OData filter; build string literals with <see cref="TableKeys.Literal"/>.</param>
    /// <param name="select">Properties to return, or null for all.</param>
    /// <param name="pageSize">Entities per request (the service returns at most 1,000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string table,
        string? filter = null,
        IEnumerable<string>? select = null,
        int? pageSize = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ValidateTableName(table);
        string? nextPartitionKey = null, nextRowKey = null;
        // The keys are always projected: an entity without them cannot be addressed.
        var selectList = select is null ? null : string.Join(',', select.Union(["PartitionKey", "RowKey"]));
        do
        {
            var query = new List<string>();
            if (!string.IsNullOrEmpty(filter))
            {
                query.Add("$filter=" + Uri.EscapeDataString(filter));
            }

            if (selectList is not null)
            {
                query.Add("$select=" + Uri.EscapeDataString(selectList));
            }

            if (pageSize is not null)
            {
                query.Add("$top=" + pageSize.Value);
            }

            if (nextPartitionKey is not null)
            {
                query.Add("NextPartitionKey=" + Uri.EscapeDataString(nextPartitionKey));
            }

            if (nextRowKey is not null)
            {
                query.Add("NextRowKey=" + Uri.EscapeDataString(nextRowKey));
            }

            using var message = CreateMessage(RequestMethod.Get, "/" + table + "()", null, string.Join('&', query));
            var response = await SendAsync(message, cancellationToken);
            EnsureSuccess(response);
            List<TableEntity> page;
            using (var document = await JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: cancellationToken))
            {
                page = [.. document.RootElement.GetProperty("value").EnumerateArray().Select(e => TableEntity.FromJson(e))];
            }

            foreach (var entity in page)
            {
                yield return entity;
            }

            nextPartitionKey = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var npk) ? npk : null;
            nextRowKey = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nrk) ? nrk : null;
        }
        while (nextPartitionKey is not null);
    }

    /// <summary>Deletes an entity if its ETag matches (<c>*</c> for any); false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, "/" + table + TableKeys.EntityPath(partitionKey, rowKey), null);
        message.Request.Headers.SetValue("If-Match", ifMatch);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return false;
        }

        EnsureSuccess(response);
        return true;
    }

    private HttpMessage CreateMessage(RequestMethod method, string path, byte[]? body, string? query = null)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        // Path segments and query values arrive already escaped (see TableKeys.EntityPath).
        request.Uri.Reset(new Uri(_endpoint + path + (string.IsNullOrEmpty(query) ? string.Empty : "?" + query)));
        request.Headers.SetValue("x-ms-version", TablesClientOptions.ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", JsonAccept);
        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", JsonContent);
            request.Content = RequestContent.Create(body);
        }

        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken);
        return message.Response;
    }

    private static void EnsureSuccess(Response response)
    {
        if (response.IsError)
        {
            throw new RequestFailedException(response, null, new TablesErrorParser());
        }
    }

    private static string ETagOf(Response response) =>
        response.Headers.ETag?.ToString() ?? throw new RequestFailedException(response.Status, "The service did not return an ETag.");

    private static void ValidateTableName(string table)
    {
        if (table.Length is < 3 or > 63 || !char.IsAsciiLetter(table[0]) || !table.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{table}' is not a valid table name (3–63 letters and digits, starting with a letter).", nameof(table));
        }
    }
}

/// <summary>Reads the Table service's OData error body (<c>{"odata.error": {"code", "message"}}</c>).</summary>
internal sealed class TablesErrorParser : RequestFailedDetailsParser
{
    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        error = null;
        data = null;
        try
        {
            var content = response.Content?.ToMemory() ?? default;
            if (content.IsEmpty)
            {
                return false;
            }

            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("odata.error", out var odata))
            {
                var code = odata.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = odata.TryGetProperty("message", out var m)
                    ? (m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString())
                    : null;
                error = new ResponseError(code, message);
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
