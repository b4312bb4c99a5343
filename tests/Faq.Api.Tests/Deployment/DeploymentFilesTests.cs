using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Faq.Api.Admin;
using Faq.Api.Answering;
using Faq.Api.Embeddings;
using Faq.Api.Infrastructure;
using Faq.Api.Review;
using Faq.Api.Snapshots;
using Faq.Api.Store;
using Faq.Api.Webhooks;
using Faq.Api.Widget;
using Faq.AzureOpenAI;
using Faq.Core.Answering;
using Faq.Storage;
using Faq.Tests;
using YamlDotNet.RepresentationModel;

namespace Faq.Api.Tests.Deployment;

/// <summary>
/// What can be checked here of the infrastructure and workflows (Bicep itself is built in CI): YAML is well
/// formed, referenced paths exist, Bicep parameters line up, and every app setting the templates write is a
/// configuration key the app really reads.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    /// <summary>The options classes and the configuration sections they are bound from.</summary>
    private static readonly (string Section, Type Options)[] OptionsSections =
    [
        (AnsweringExtensions.AnsweringSection, typeof(AnsweringOptions)),
        (AnsweringExtensions.ClinicSection, typeof(ClinicProfile)),
        (SeedOptions.Section, typeof(SeedOptions)),
        (EmbeddingOptions.Section, typeof(EmbeddingOptions)),
        (EmbeddingOptions.Section, typeof(AzureOpenAIEmbeddingOptions)),
        (AdminOptions.Section, typeof(AdminOptions)),
        (ReviewOptions.Section, typeof(ReviewOptions)),
        (Faq.Api.Insights.InsightsOptions.Section, typeof(Faq.Api.Insights.InsightsOptions)),
        (WidgetOptions.Section, typeof(WidgetOptions)),
        (FeaturedQuestionsOptions.Section, typeof(FeaturedQuestionsOptions)),
        (RateLimitOptions.Section, typeof(RateLimitOptions)),
        (IntegrationOptions.Section, typeof(IntegrationOptions)),
        (TwilioOptions.Section, typeof(TwilioOptions)),
        (StoreResilienceOptions.Section, typeof(StoreResilienceOptions)),
        (StoreOptions.Section, typeof(StoreOptions)),
        (SnapshotOptions.Section, typeof(SnapshotOptions)),
    ];

    private static HashSet<string> KnownKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in OptionsSections)
        {
            AddKeys(keys, section, type, depth: 0);
        }

        return keys;
    }

    private static void AddKeys(HashSet<string> keys, string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = prefix + ":" + (property.GetCustomAttribute<Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute>()?.Name ?? property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>) ? propertyType.GetGenericArguments()[0] : null;
            if (element is not null)
            {
                if (IsScalar(element))
                {
                    keys.Add(key + ":*");
                }
                else
                {
                    AddKeys(keys, key + ":*", element, depth + 1);
                }
            }
            else if (IsScalar(propertyType) || depth > 3)
            {
                keys.Add(key);
            }
            else
            {
                AddKeys(keys, key, propertyType, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(decimal);

    private static string Read(params string[] path) => File.ReadAllText(Repository.PathOf(path));

    [GeneratedRegex(@"name:\s*'(Faq__[^']+)'")]
    private static partial Regex FaqSettingName();

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex BicepInterpolation();

    [Fact]
    public void EveryAppSettingTheTemplatesWriteIsAKeyTheAppReads()
    {
        var known = KnownKeys();
        var settings = FaqSettingName().Matches(Read("infra", "resources.bicep")).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(settings);
        foreach (var setting in settings)
        {
            var key = string.Join(":", BicepInterpolation().Replace(setting, "*").Split("__")
                .Select(segment => segment.All(char.IsAsciiDigit) ? "*" : segment));
            Assert.True(known.Contains(key), $"{setting} ({key}) is not a configuration key the app reads");
        }

        // The settings that make the deployed app use Table Storage with its identity, and the clinic's name.
        Assert.Contains("Faq__Store", settings);
        Assert.Contains("Faq__Tables__Endpoint", settings);
        Assert.Contains("Faq__Clinic__Name", settings);
        Assert.Contains("Faq__Embeddings__Provider", settings);
    }

    [Fact]
    public void TheTemplatesHoldNoSecretsOrStorageKeys()
    {
        foreach (var file in Directory.GetFiles(Repository.PathOf("infra")))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ConnectionString", text.Replace("APPLICATIONINSIGHTS_CONNECTION_STRING", "", StringComparison.Ordinal).Replace("properties.ConnectionString", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("ApiKey", text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^param\s+(\w+)\s", RegexOptions.Multiline)]
    private static partial Regex BicepParam();

    [GeneratedRegex(@"^\s{4}(\w+):\s", RegexOptions.Multiline)]
    private static partial Regex ModuleArgument();

    [Fact]
    public void BicepParametersLineUpAcrossFiles()
    {
        var main = Read("infra", "main.bicep");
        var resources = Read("infra", "resources.bicep");
        var mainParams = BicepParam().Matches(main).Select(m => m.Groups[1].Value).ToHashSet();
        var resourceParams = BicepParam().Matches(resources).Select(m => m.Groups[1].Value).ToHashSet();

        // Every parameter the azd parameters file sets is declared.
        using var parameters = JsonDocument.Parse(Read("infra", "main.parameters.json"));
        foreach (var parameter in parameters.RootElement.GetProperty("parameters").EnumerateObject())
        {
            Assert.Contains(parameter.Name, mainParams);
        }

        // The module call passes exactly the parameters resources.bicep declares.
        var moduleBlock = main[main.IndexOf("params: {", StringComparison.Ordinal)..];
        moduleBlock = moduleBlock[..moduleBlock.IndexOf("\n  }", StringComparison.Ordinal)];
        var passed = ModuleArgument().Matches(moduleBlock).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(resourceParams.Order(), passed.Order());
        Assert.Contains("module resources 'resources.bicep'", main, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTemplatesGiveTheIdentityTheRolesTheAppNeeds()
    {
        var resources = Read("infra", "resources.bicep");

        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", resources, StringComparison.Ordinal); // Storage Table Data Contributor
        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", resources, StringComparison.Ordinal); // Storage Blob Data Owner
        Assert.Contains("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", resources, StringComparison.Ordinal); // Cognitive Services OpenAI User
        Assert.Contains("'FlexConsumption'", resources, StringComparison.Ordinal);
        foreach (var table in new[] { Storage.Tables.TableFaqStore.Table, Storage.Tables.TableReviewStore.UnansweredTable, Storage.Tables.TableReviewStore.FeedbackTable, Storage.Tables.TableUsageStore.Table })
        {
            Assert.Contains($"'{table}'", resources, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheFunctionAppRunsTheIsolatedWorkerOnDotNetTenWithStorageByIdentity()
    {
        var resources = Read("infra", "resources.bicep");
        var runtime = resources[resources.IndexOf("runtime: {", StringComparison.Ordinal)..];
        runtime = runtime[..runtime.IndexOf('}', StringComparison.Ordinal)];

        Assert.Contains("name: 'dotnet-isolated'", runtime, StringComparison.Ordinal);
        Assert.Contains("version: '10.0'", runtime, StringComparison.Ordinal);
        // On Flex Consumption the runtime above replaces the FUNCTIONS_WORKER_RUNTIME app setting, which is not to be set.
        Assert.DoesNotContain("name: 'FUNCTIONS_WORKER_RUNTIME'", resources, StringComparison.Ordinal);
        Assert.Contains("name: 'AzureWebJobsStorage__accountName'", resources, StringComparison.Ordinal);
        Assert.Contains("name: 'AzureWebJobsStorage__credential', value: 'managedidentity'", resources, StringComparison.Ordinal);
        Assert.Contains("name: 'AzureWebJobsStorage__clientId'", resources, StringComparison.Ordinal);
        Assert.Contains("name: 'AZURE_CLIENT_ID'", resources, StringComparison.Ordinal);
    }

    public static TheoryData<string> YamlFiles() =>
    [
        "azure.yaml",
        .. Directory.GetFiles(Repository.PathOf(".github", "workflows"), "*.yml").Select(f => Path.GetRelativePath(Repository.Root, f)),
    ];

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void YamlFilesAreWellFormed(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Repository.PathOf(file)));
        stream.Load(reader);

        var root = Assert.IsType<YamlMappingNode>(stream.Documents.Single().RootNode);
        Assert.NotEmpty(root.Children);
    }

    [Fact]
    public void AzureYamlPointsAtTheAppAndTheInfrastructure()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Read("azure.yaml")));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var infra = (YamlMappingNode)root["infra"];
        var api = (YamlMappingNode)((YamlMappingNode)root["services"])["api"];

        Assert.True(File.Exists(Repository.PathOf(infra["path"].ToString(), infra["module"] + ".bicep")));
        Assert.True(File.Exists(Path.Combine(Repository.PathOf(api["project"].ToString()), "Faq.Api.csproj")));
        Assert.Equal("function", api["host"].ToString());
    }

    [Fact]
    public void WorkflowsUseTheReadmeCommandsAndExistingPaths()
    {
        var ci = Read(".github", "workflows", "ci.yml");
        var deploy = Read(".github", "workflows", "deploy.yml");
        var readme = Read("README.md");

        Assert.Contains("run: bash .ci/test.sh", ci, StringComparison.Ordinal);
        Assert.Contains("`bash .ci/test.sh`", readme, StringComparison.Ordinal);
        Assert.Contains("test.sh", Read(".ci", "run"), StringComparison.Ordinal);
        // No Native AOT job: Azure.Data.Tables and the Functions isolated worker do not run under Native AOT.
        Assert.DoesNotContain("PublishAot", ci, StringComparison.Ordinal);
        // The published package is started by the real Functions host (Core Tools) and asked a question.
        Assert.Contains("npm i -g azure-functions-core-tools@4", ci, StringComparison.Ordinal);
        Assert.Contains("\"FUNCTIONS_WORKER_RUNTIME\": \"dotnet-isolated\"", ci, StringComparison.Ordinal);
        Assert.Contains("func start", ci, StringComparison.Ordinal);
        Assert.Contains("-X POST http://localhost:7071/api/ask", ci, StringComparison.Ordinal);
        var publish = "dotnet publish src/Faq.Api -c Release -o artifacts/functionapp -p:FunctionAppZip=artifacts/faq-functionapp.zip";
        Assert.Contains(publish, ci, StringComparison.Ordinal);
        Assert.Contains(publish, readme, StringComparison.Ordinal);
        Assert.Contains("id-token: write", deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("secrets.", deploy, StringComparison.Ordinal);
        Assert.True(File.Exists(Repository.PathOf("infra", "main.bicep")));
        Assert.True(Directory.Exists(Repository.PathOf("src", "Faq.Api")));
    }
}
