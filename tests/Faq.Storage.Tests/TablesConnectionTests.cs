using Faq.Storage.Tables;

namespace Faq.Storage.Tests;

public sealed class TablesConnectionTests
{
    [Fact]
    public void DevelopmentStorageUsesTheEmulatorAccount()
    {
        var connection = TablesConnection.Parse("UseDevelopmentStorage=true");
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.Endpoint);
        Assert.Equal("devstoreaccount1", connection.AccountName);
    }

    [Fact]
    public void AnAccountConnectionStringBuildsTheTableEndpoint()
    {
        var connection = TablesConnection.Parse("DefaultEndpointsProtocol=https;AccountName=clinic;AccountKey=" + TablesConnection.DevelopmentAccountKey + ";EndpointSuffix=core.windows.net");
        Assert.Equal(new Uri("https://clinic.table.core.windows.net"), connection.Endpoint);
        Assert.Equal("clinic", connection.AccountName);
    }

    [Fact]
    public void AnExplicitTableEndpointWins()
    {
        var connection = TablesConnection.Parse("AccountName=devstoreaccount1;AccountKey=" + TablesConnection.DevelopmentAccountKey + ";TableEndpoint=http://127.0.0.1:12345/devstoreaccount1/");
        Assert.Equal(new Uri("http://127.0.0.1:12345/devstoreaccount1"), connection.Endpoint);
    }

    [Theory]
    [InlineData("AccountName=x", "AccountKey")]
    [InlineData("AccountKey=abc=", "AccountName")]
    [InlineData("AccountName=x;AccountKey=not base64!", "Base64")]
    [InlineData("garbage", "Key=Value")]
    public void IncompleteConnectionStringsSayWhatIsMissing(string connectionString, string mentioned)
    {
        var error = Assert.Throws<FormatException>(() => TablesConnection.Parse(connectionString));
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAccountKeyNeverAppearsInErrors()
    {
        var error = Assert.Throws<FormatException>(() => TablesConnection.Parse("AccountName=x;AccountKey=c2VjcmV0;Broken"));
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedKeyLiteSignsDateAndCanonicalResource()
    {
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/FaqEntries(PartitionKey='default',RowKey='a')?$select=Question");
        var toSign = SharedKeyLitePolicy.StringToSign("devstoreaccount1", "Sat, 21 Nov 2026 08:00:00 GMT", uri);
        Assert.Equal("Sat, 21 Nov 2026 08:00:00 GMT\n/devstoreaccount1/devstoreaccount1/FaqEntries(PartitionKey='default',RowKey='a')", toSign);
        var withComp = SharedKeyLitePolicy.StringToSign("acct", "d", new Uri("https://acct.table.core.windows.net/?restype=service&comp=properties"));
        Assert.Equal("d\n/acct/?comp=properties", withComp);
    }
}
