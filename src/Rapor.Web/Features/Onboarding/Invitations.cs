using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Onboarding;

/// <summary>
/// Sends the invitation e-mail when mail is configured. Rapor always shows the link to the inviter too, so an
/// installation without mail works; a mail feature registers its own implementation (the default sends nothing).
/// </summary>
public interface IInvitationMailer
{
    bool IsConfigured { get; }

    Task SendAsync(InvitationMail mail, CancellationToken ct);
}

/// <param name="Link">The one-time link; the e-mail carries it and no password.</param>
public sealed record InvitationMail(string To, string DisplayName, string TenantName, string Link, DateTimeOffset ExpiresAt);

public sealed class NoInvitationMailer : IInvitationMailer
{
    public bool IsConfigured => false;

    public Task SendAsync(InvitationMail mail, CancellationToken ct) => Task.CompletedTask;
}

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions()
    {
        Name = Invitations.Provider;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}

/// <summary>Identity's data-protection token, with its own purpose and a week's lifespan (a reset link lives a day).</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger);

/// <summary>
/// The first tenant admin (or any account) joins by a one-time link that sets the password: the account is created
/// without one, the link carries an Identity token bound to the account's security stamp, and setting the password
/// changes the stamp — so the link works once. A new link (lost, expired) changes the stamp first, so the old one dies.
/// No password is ever shown or mailed (ADR-012).
/// </summary>
public sealed class Invitations(UserManager<AppUser> users, IOptions<InvitationTokenOptions> options, TimeProvider clock)
{
    public const string Provider = "Invitation";
    private const string Purpose = "AcceptInvitation";

    public TimeSpan Lifespan => options.Value.TokenLifespan;

    public DateTimeOffset ExpiresAt => clock.GetUtcNow() + Lifespan;

    /// <summary>A fresh link for an account that has not set its password yet; every earlier link stops working.</summary>
    public async Task<string?> NewLinkAsync(AppUser user, string baseUrl)
    {
        if (user.PasswordHash is not null)
            return null;
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
            return null;
        var token = await users.GenerateUserTokenAsync(user, Provider, Purpose);
        return $"{baseUrl.TrimEnd('/')}/Account/Invitation?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    public async Task<bool> IsValidAsync(AppUser user, string? token) =>
        user.PasswordHash is null && token is { Length: > 0 } && await users.VerifyUserTokenAsync(user, Provider, Purpose, token);

    /// <summary>Sets the password if the link is still good; one of two simultaneous uses fails with a concurrency error.</summary>
    public async Task<IdentityResult> AcceptAsync(AppUser user, string token, string password)
    {
        if (!await IsValidAsync(user, token))
            return IdentityResult.Failed(new IdentityError { Code = "InvalidInvitation", Description = "Tautan undangan tidak berlaku lagi: sudah dipakai, diganti tautan baru, atau kedaluwarsa. Minta tautan baru kepada admin." });
        if (user.Email is not null)
            user.EmailConfirmed = true;
        // AddPassword validates the password, stores the hash and changes the security stamp: the link is spent.
        return await users.AddPasswordAsync(user, password);
    }
}
