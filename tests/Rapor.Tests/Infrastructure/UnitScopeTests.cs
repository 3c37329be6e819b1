using System.Security.Claims;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Tests.Infrastructure;

public sealed class UnitScopeTests
{
    private static ClaimsPrincipal User(string role, string unit) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "u"), new Claim(ClaimTypes.Role, role), new Claim(RaporClaims.Unit, unit)], "test"));

    [Theory]
    [InlineData(Roles.Camat, "32.73.29", "32.73.29.1004", true)]
    [InlineData(Roles.Camat, "32.73.29", "32.73.30.1001", false)]
    [InlineData(Roles.Camat, "32.73.29", "32.73", false)]
    [InlineData(Roles.Lurah, "32.73.29.1001", "32.73.29.1001", true)]
    [InlineData(Roles.Lurah, "32.73.29.1001", "32.73.29.1003", false)]
    [InlineData(Roles.Lurah, "32.73.29.1001", "32.73.29", false)]
    [InlineData(Roles.Staf, "32.73.29", "32.73.29.1001", false)]
    [InlineData(Roles.Verifikator, "32.73", "32.73.01.1001", true)]
    [InlineData(Roles.Verifikator, "32.73", "32.04.05", false)]
    [InlineData(Roles.Pimpinan, "32.73", "32.73", true)]
    [InlineData(Roles.Admin, "", "16.71.01", true)]
    [InlineData(Roles.Verifikator, "", "16.71.01", false)]
    public void View_scope_follows_role_and_unit(string role, string unit, string target, bool expected) =>
        Assert.Equal(expected, UnitScope.CanView(User(role, unit), target));

    [Fact]
    public void Anonymous_sees_nothing() => Assert.False(UnitScope.CanView(new ClaimsPrincipal(new ClaimsIdentity()), "32.73"));

    [Theory]
    [InlineData(Roles.Camat, "32.73.29", "32.73.29.1001", true)]
    [InlineData(Roles.Lurah, "32.73.29.1001", "32.73.29.1001", false)]
    [InlineData(Roles.Verifikator, "32.73", "32.73.29", false)]
    [InlineData(Roles.Admin, "32.73", "32.73.29", true)]
    [InlineData(Roles.Admin, "32.73", "16.71.01", false)]
    public void Only_admins_and_camat_manage_people(string role, string unit, string target, bool expected) =>
        Assert.Equal(expected, UnitScope.CanManagePeople(User(role, unit), target));
}
