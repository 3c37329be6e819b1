namespace Rapor.Web.Domain;

/// <summary>
/// Failed sign-ins counted per account name, and per account name and client, to slow guessing down (ADR-041).
/// The key is a hash: what someone typed as a user name (sometimes a password) is never stored.
/// </summary>
public sealed class LoginFailure
{
    public required string Key { get; init; }
    public int Failures { get; set; }
    public DateTime LastFailureAt { get; set; }
}
