using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Services;

namespace Rapor.TestSupport;

/// <summary>Arranges service desks, officers and API tokens straight in the database.</summary>
public static class ServiceDeskScenario
{
    /// <summary>A unit running the queue and SKM with the tenant's catalogue adopted and counters 1…n (every group).</summary>
    public static Task DeskAsync(this RaporFactory f, string unit, int counters) => f.WithDbAsync(async db =>
    {
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == unit);
        if (!await db.ServiceStandards.AnyAsync(s => s.UnitCode == region.TenantCode))
        {
            db.ServiceStandards.AddRange(ServiceCatalogue.ExampleTemplate(region.TenantCode));
            await db.SaveChangesAsync();
        }
        await ServiceCatalogue.AdoptAsync(db, region, default);
        if (!await db.ServiceDesks.AnyAsync(d => d.UnitCode == unit))
            db.ServiceDesks.Add(new ServiceDesk { UnitCode = unit, TenantCode = region.TenantCode, UsesQueue = true, UsesSkm = true });
        var have = await db.QueueCounters.Where(c => c.UnitCode == unit).Select(c => c.Number).ToListAsync();
        db.QueueCounters.AddRange(Enumerable.Range(1, counters).Where(n => !have.Contains(n)).Select(n => new QueueCounter { UnitCode = unit, Number = n, Name = $"Loket {n}" }));
        return await db.SaveChangesAsync();
    });

    /// <summary>An account of <paramref name="role"/> at <paramref name="unit"/> with the demo password.</summary>
    public static async Task<string> UserAsync(this RaporFactory f, string userName, string unit, string role)
    {
        using var scope = f.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is { } existing)
            return existing.Id;
        var user = new AppUser { UserName = userName, DisplayName = userName, UnitCode = unit, EmailConfirmed = true };
        var created = await users.CreateAsync(user, RaporFactory.DemoPassword);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            throw new InvalidOperationException($"Cannot create {userName}");
        return user.Id;
    }

    /// <summary>A token stored as the app stores it (hash only); returns the secret.</summary>
    public static async Task<string> TokenAsync(this RaporFactory f, string unit, ApiTokenPurpose purpose, ApiTokenAccess access, string? userName = null)
    {
        string? userId = null;
        if (userName is not null)
            userId = await f.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());
        var secret = ApiToken.NewSecret();
        await f.WithDbAsync(db =>
        {
            db.ApiTokens.Add(new ApiToken
            {
                Name = $"test {purpose}", Kind = userId is null ? ApiTokenKind.Device : ApiTokenKind.Personal, Purpose = purpose, UnitCode = unit, Access = access,
                UserId = userId, CreatedBy = "test", CreatedAt = DateTime.UtcNow, Hash = ApiToken.HashOf(secret), Hint = secret[..10],
            });
            return db.SaveChangesAsync();
        });
        return secret;
    }

    /// <summary>A client of <paramref name="factory"/> that sends the bearer token.</summary>
    public static HttpClient WithToken(this RaporFactory factory, string secret)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
