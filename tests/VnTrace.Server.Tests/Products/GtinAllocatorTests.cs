using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Products;

/// <summary>GTIN allocation against the database: parallel claims never share a number, a rolled-back claim leaves no gap.</summary>
public abstract class GtinAllocatorTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    /// <summary>One claim as a request makes it: its own scope and transaction, a product stored with the GTIN.</summary>
    private async Task<string> ClaimAndStoreAsync(Guid organizationId, string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        var allocator = scope.ServiceProvider.GetRequiredService<GtinAllocator>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claim = await allocator.ClaimAsync(organizationId, 1);
        Assert.Null(claim.Error);
        db.Products.Add(new Product { OrganizationId = organizationId, Gtin = claim.Gtins[0].ToString(), NameVi = name, Unit = "kg" });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return claim.Gtins[0].ToString();
    }

    [Fact]
    public async Task Parallel_claims_get_distinct_valid_gtins()
    {
        var business = await App.NewBusinessAsync("HTX Song Song " + Guid.NewGuid().ToString("N")[..6], withPrefix: true);

        var gtins = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => ClaimAndStoreAsync(business.Id, "P" + i))));

        Assert.Equal(12, gtins.Distinct().Count());
        Assert.All(gtins, g => Assert.True(Gtin.TryParse(g, out _, out _)));
        Assert.All(gtins, g => Assert.StartsWith("0" + business.Prefix, g));
        var next = await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == business.Id).Select(o => o.NextGtinReference).SingleAsync());
        Assert.Equal(12, next);
    }

    [Fact]
    public async Task A_claim_rolled_back_gives_its_number_to_the_next_claim()
    {
        var business = await App.NewBusinessAsync("HTX Hoàn Tác " + Guid.NewGuid().ToString("N")[..6], withPrefix: true);
        string abandoned;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var claim = await scope.ServiceProvider.GetRequiredService<GtinAllocator>().ClaimAsync(business.Id, 2);
            abandoned = claim.Gtins[0].ToString();
            await transaction.RollbackAsync();
        }

        Assert.Equal(abandoned, await ClaimAndStoreAsync(business.Id, "Sau hoàn tác"));
    }

    [Fact]
    public async Task A_claim_outside_a_transaction_is_a_programming_error()
    {
        var business = await App.NewBusinessAsync("HTX Không Giao Dịch " + Guid.NewGuid().ToString("N")[..6], withPrefix: true);
        await using var scope = App.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<GtinAllocator>().ClaimAsync(business.Id, 1));
    }
}

public sealed class SqliteGtinAllocatorTests(SqliteAppFixture fixture) : GtinAllocatorTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresGtinAllocatorTests(PostgresAppFixture fixture) : GtinAllocatorTests(fixture), IClassFixture<PostgresAppFixture>;
