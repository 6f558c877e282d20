using Microsoft.AspNetCore.Identity;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// A portal account (ASP.NET Core Identity user; the email is the user name). Its id is the
/// owner id stored on the account's zones, TSIG keys and saved primaries in the Engine's store.
/// </summary>
public sealed class PortalUser : IdentityUser;
