using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Tests.Sites;

/// <summary>A key filled in on the wizard's primaries step is never dropped because "No key" stayed chosen.</summary>
public sealed class SiteKeyChoiceRuleTests
{
    [Theory]
    [InlineData("None", "transfer.example.", "")]
    [InlineData("None", "", "c2VjcmV0")]
    [InlineData(null, "transfer.example.", "c2VjcmV0")]
    public void NoKeyChosen_WithANewKeyTypedIn_IsANewKey(string? chosen, string name, string secret) =>
        Assert.Equal(SiteKeyMode.New, SiteKeyChoiceRule.ModeOf(chosen, name, secret));

    [Fact]
    public void NoKeyChosen_WithNothingTypedIn_IsNoKey() =>
        Assert.Equal(SiteKeyMode.None, SiteKeyChoiceRule.ModeOf("None", " ", null));

    [Fact]
    public void AnExistingKeyChosen_StaysChosen_WhateverTheNewKeyFieldsHold() =>
        Assert.Equal(SiteKeyMode.Existing, SiteKeyChoiceRule.ModeOf("Existing", "transfer.example.", "c2VjcmV0"));
}
