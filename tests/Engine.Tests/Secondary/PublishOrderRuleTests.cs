using SecondaryPortal.Engine.Events;

namespace SecondaryPortal.Engine.Tests.Secondary;

public sealed class PublishOrderRuleTests
{
    private static readonly int Threshold = new TransferOptions().ServeBeforeStoringRows;

    [Fact]
    public void PublishOrder_ForALargeTransfer_ServesBeforeStoring() =>
        Assert.Equal(PublishOrder.ServeThenStore, Choose(rowsToWrite: Threshold));

    [Fact]
    public void PublishOrder_ForASmallChange_StoresThenServes() =>
        Assert.Equal(PublishOrder.StoreThenServe, Choose(rowsToWrite: Threshold - 1));

    [Fact]
    public void PublishOrder_WhileAnEarlierChangeIsStoring_ServesBeforeStoring() =>
        Assert.Equal(PublishOrder.ServeThenStore, Choose(rowsToWrite: 1, earlierChangeStoring: true));

    [Fact]
    public void PublishOrder_ForADraft_StoresThenServes_WhateverItsSize() =>
        Assert.Equal(PublishOrder.StoreThenServe, Choose(rowsToWrite: Threshold * 10L, isDraft: true));

    [Fact]
    public void PublishOrder_WhenEveryTransferIsServedFirst_ServesASingleRowBeforeStoring() =>
        Assert.Equal(PublishOrder.ServeThenStore, PublishOrderRule.Choose(isDraft: false, earlierChangeStoring: false, rowsToWrite: 1, serveBeforeStoringRows: 0));

    [Fact]
    public void PublishOrder_ForARefreshWithoutANewCopy_StoresAtOnce_EvenWhenEveryTransferIsServedFirst() =>
        Assert.Equal(PublishOrder.StoreThenServe, PublishOrderRule.Choose(isDraft: false, earlierChangeStoring: false, rowsToWrite: null, serveBeforeStoringRows: 0));

    [Fact]
    public void PublishOrder_ForARefreshWithoutANewCopy_WhileAnEarlierChangeIsStoring_QueuesBehindIt() =>
        Assert.Equal(PublishOrder.ServeThenStore, Choose(rowsToWrite: null, earlierChangeStoring: true));

    private static PublishOrder Choose(long? rowsToWrite, bool earlierChangeStoring = false, bool isDraft = false) =>
        PublishOrderRule.Choose(isDraft, earlierChangeStoring, rowsToWrite, Threshold);
}
