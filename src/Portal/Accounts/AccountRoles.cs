namespace SecondaryPortal.Portal.Accounts;

/// <summary>The roles of portal accounts.</summary>
public static class AccountRoles
{
    /// <summary>Sees and manages every account's zones, keys and primaries, and the analytics of all accounts.</summary>
    public const string Admin = "admin";
}
