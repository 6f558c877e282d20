using SecondaryPortal.Engine.Events;

namespace SecondaryPortal.Engine.Tests.Secondary;

public sealed class ZoneStoreQueueTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AWrite_RunsOnItsOwnThread_NotOnOneOfThePoolsThreads()
    {
        var queue = new ZoneStoreQueue();
        bool? onThePool = null;

        queue.Enqueue(() =>
        {
            onThePool = Thread.CurrentThread.IsThreadPoolThread; // a large zone's store holds its thread for seconds
            return Task.CompletedTask;
        });
        await queue.Drained.WaitAsync(Bound);

        Assert.False(onThePool);
    }

    [Fact]
    public async Task Writes_RunOneAtATime_InTheOrderTheyWereQueued()
    {
        var queue = new ZoneStoreQueue();
        var order = new List<int>();
        var firstMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int running = 0, mostAtOnce = 0;

        for (int i = 0; i < 5; i++)
        {
            int index = i;
            queue.Enqueue(async () =>
            {
                mostAtOnce = Math.Max(mostAtOnce, Interlocked.Increment(ref running));
                if (index == 0)
                    await firstMayEnd.Task;
                lock (order)
                    order.Add(index);
                Interlocked.Decrement(ref running);
            });
        }
        bool busyWhileTheFirstWaits = queue.IsBusy;
        firstMayEnd.SetResult();
        await queue.Drained.WaitAsync(Bound);

        Assert.True(busyWhileTheFirstWaits);
        Assert.False(queue.IsBusy);
        Assert.Equal([0, 1, 2, 3, 4], order);
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task AWriteThatThrows_DoesNotStopTheWritesBehindIt()
    {
        var queue = new ZoneStoreQueue();
        bool secondRan = false;

        queue.Enqueue(() => throw new InvalidOperationException("the store is gone"));
        queue.Enqueue(() =>
        {
            secondRan = true;
            return Task.CompletedTask;
        });
        await queue.Drained.WaitAsync(Bound); // the tail is the second write, which succeeded

        Assert.True(secondRan);
        Assert.False(queue.IsBusy);
    }

    [Fact]
    public async Task Enqueue_ReturnsBeforeAWriteThatBlocksItsThread_Finishes()
    {
        var queue = new ZoneStoreQueue();
        using var release = new ManualResetEventSlim();

        // A SQLite call waiting on a locked store blocks its thread: the zone's loop, which queued it, must not wait with it.
        var queuing = Task.Run(() => queue.Enqueue(() =>
        {
            release.Wait(Bound);
            return Task.CompletedTask;
        }));
        await queuing.WaitAsync(Bound);
        bool busy = queue.IsBusy;
        release.Set();
        await queue.Drained.WaitAsync(Bound);

        Assert.True(busy);
    }
}
