namespace SecondaryPortal.Portal.Accounts;

/// <summary>One page of the accounts list.</summary>
/// <param name="Rows">The accounts on the page.</param>
/// <param name="TotalMatches">How many accounts match the search.</param>
/// <param name="TotalAccounts">How many accounts there are.</param>
public sealed record AccountPage(IReadOnlyList<AccountInfo> Rows, int TotalMatches, int TotalAccounts);
