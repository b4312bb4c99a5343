using Faq.Core.Storage;

namespace Faq.Storage.Tests;

/// <summary>The store contract against a real Azure Table Storage emulator; each backing key is a tenant.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableFaqStoreTests(AzuriteFixture azurite) : FaqStoreContractTests
{
    protected override IFaqStore Store(string backing) => FaqStores.Tables(azurite.ConnectionString, "t" + backing);
}
