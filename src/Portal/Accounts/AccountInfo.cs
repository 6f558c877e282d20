namespace SecondaryPortal.Portal.Accounts;

/// <summary>An account as the admin's accounts page lists it.</summary>
/// <param name="Id">The account id.</param>
/// <param name="Email">Its email (the user name).</param>
/// <param name="IsAdmin">True for an admin.</param>
/// <param name="IsDisabled">True when an admin disabled it (it cannot sign in, its API tokens are refused).</param>
public sealed record AccountInfo(string Id, string Email, bool IsAdmin, bool IsDisabled = false);
