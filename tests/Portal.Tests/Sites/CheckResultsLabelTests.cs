using SecondaryPortal.Engine.Probing;
using SecondaryPortal.Portal.Components.Pages.Sites;

namespace SecondaryPortal.Portal.Tests.Sites;

/// <summary>The badge each outcome of the primary check shows in the wizard.</summary>
public sealed class CheckResultsLabelTests
{
    [Fact]
    public void EveryOutcome_HasAWordedLabel_NotItsEnumName()
    {
        foreach (var outcome in Enum.GetValues<PrimaryCheckOutcome>())
            Assert.DoesNotMatch("^[A-Z][a-z]+[A-Z]", CheckResults.Label(outcome)); // "TransferRefused" would leak the enum name
    }

    [Fact]
    public void NoTwoOutcomes_ShareALabel()
    {
        var labels = Enum.GetValues<PrimaryCheckOutcome>().Select(CheckResults.Label).ToList();

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }
}
