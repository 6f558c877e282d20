using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Tests.Transfer;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>Sending NOTIFY (RFC 1996 §3.6) to secondaries written in the test, which answer through <see cref="NotifyMessage.WriteResponse"/>.</summary>
public sealed class NotifySenderTests
{
    private static readonly NotifySenderOptions Quick = new()
    {
        InitialTimeout = TimeSpan.FromMilliseconds(100),
        BackoffFactor = 2,
        MaxTimeout = TimeSpan.FromMilliseconds(300),
        MaxAttempts = 4,
    };

    /// <summary>For answers that come at once: a timeout no busy machine reaches, so no retransmission muddles the count.</summary>
    private static readonly NotifySenderOptions Patient = Quick with { InitialTimeout = TimeSpan.FromSeconds(5), MaxTimeout = TimeSpan.FromSeconds(5) };

    private static readonly TsigKey Key = TsigKey.Create("notify-key.", "hmac-sha512", "bm90aWZ5IGtleSBzZWNyZXQgZm9yIHRoZSB0ZXN0cw==");

    private static NotifySender Sender(NotifySenderOptions? options = null) =>
        new(TimeProvider.System, NullLogger<NotifySender>.Instance, options ?? Quick);

    /// <summary>A secondary's answer to a NOTIFY, as our own listener will write it.</summary>
    private static byte[] Acknowledge(byte[] request, DnsRcode rcode = DnsRcode.NoError)
    {
        Assert.Equal(NotifyRequestStatus.Ok, NotifyRequest.TryRead(request, out var notify));
        var buffer = new byte[512];
        return buffer[..NotifyMessage.WriteResponse(notify.Query, request, buffer, rcode)];
    }

    [Fact]
    public async Task Send_ToASecondaryThatAnswersTheThirdDatagram_IsAcknowledgedAfterTwoRetries()
    {
        var received = new ConcurrentQueue<byte[]>();
        await using var secondary = FakePrimary.Start(onUdp: (request, index) =>
        {
            received.Enqueue(request);
            return index == 2 ? [Acknowledge(request)] : [];
        });

        var options = Quick with { InitialTimeout = TimeSpan.FromMilliseconds(200), MaxTimeout = TimeSpan.FromSeconds(1) };

        var result = await Sender(options).SendAsync(Zone, Soa(77), new NotifyTarget(secondary.EndPoint));

        Assert.Equal(NotifyOutcome.Acknowledged, result.Outcome);
        Assert.True(result.IsAcknowledged);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(DnsRcode.NoError, result.Rcode);
        Assert.Null(result.Error);
        Assert.Equal(3, received.Count);
        Assert.All(received, datagram => Assert.Equal(received.First(), datagram)); // the same datagram, retransmitted
        Assert.Equal(NotifyRequestStatus.Ok, NotifyRequest.TryRead(received.First(), out var notify));
        Assert.Equal(Zone, notify.Zone);
        Assert.Equal(77u, notify.Serial);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(5)); // waited 200 + 400 ms
    }

    [Fact]
    public async Task Send_IgnoresAnswersThatDoNotMatch_AndTakesTheOneThatDoes()
    {
        await using var secondary = FakePrimary.Start(onUdp: (request, _) =>
        {
            var good = Acknowledge(request);
            var otherId = (byte[])good.Clone();
            otherId[1] ^= 1;
            var asQuery = DnsMessage.Parse(good);
            asQuery.Opcode = DnsOpcode.Query;
            var otherZone = NotifyMessage.CreateRequest(DnsName.Parse("other.example."), DnsMessage.Parse(good).Id);
            otherZone.Flags |= DnsHeaderFlags.QR;
            return [otherId, asQuery.ToArray(), otherZone.ToArray(), good];
        });

        var result = await Sender(Patient).SendAsync(Zone, null, new NotifyTarget(secondary.EndPoint));

        Assert.Equal(NotifyOutcome.Acknowledged, result.Outcome);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Send_ToASilentSecondary_TimesOutAfterEveryAttempt()
    {
        await using var secondary = FakePrimary.Start(onUdp: (_, _) => []);
        var watch = Stopwatch.StartNew();

        var result = await Sender().SendAsync(Zone, null, new NotifyTarget(secondary.EndPoint));

        Assert.Equal(NotifyOutcome.Timeout, result.Outcome);
        Assert.Equal(Quick.MaxAttempts, result.Attempts);
        Assert.Equal(Quick.MaxAttempts, secondary.Datagrams);
        Assert.Contains("after 4 attempt(s)", result.Error);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(850), TimeSpan.FromSeconds(4)); // 100 + 200 + 300 + 300 ms
    }

    [Theory]
    [InlineData(DnsRcode.Refused, NotifyOutcome.Refused)]
    [InlineData(DnsRcode.NotAuth, NotifyOutcome.NotAuthoritative)]
    [InlineData(DnsRcode.NotImp, NotifyOutcome.ServerError)]
    public async Task Send_WhenTheSecondaryAnswersAnError_ReportsItWithoutRetrying(DnsRcode rcode, NotifyOutcome expected)
    {
        await using var secondary = FakePrimary.Start(onUdp: (request, _) => [Acknowledge(request, rcode)]);

        var result = await Sender(Patient).SendAsync(Zone, null, new NotifyTarget(secondary.EndPoint));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(rcode, result.Rcode);
        Assert.Equal(1, secondary.Datagrams);
        Assert.Contains("the secondary answered", result.Error);
    }

    [Fact]
    public async Task SendSigned_WhenTheSecondarySignsItsAnswer_IsAcknowledged()
    {
        await using var secondary = FakePrimary.Start(onUdp: (request, _) => [SignedAnswer(request, Key)]);

        var result = await Sender().SendAsync(Zone, Soa(3), new NotifyTarget(secondary.EndPoint, Key));

        Assert.Equal(NotifyOutcome.Acknowledged, result.Outcome);
        Assert.NotNull(Assert.Single(secondary.Requests).Tsig);
    }

    [Fact]
    public async Task SendSigned_WhenTheAnswerIsUnsigned_IgnoresIt_AndEndsWithBadTsig()
    {
        await using var secondary = FakePrimary.Start(onUdp: (request, _) => [Acknowledge(request)]);

        var result = await Sender().SendAsync(Zone, null, new NotifyTarget(secondary.EndPoint, Key));

        Assert.Equal(NotifyOutcome.BadTsig, result.Outcome);
        Assert.Equal(Quick.MaxAttempts, result.Attempts);
        Assert.Contains("not signed with key notify-key.", result.Error);
    }

    [Fact]
    public async Task SendSigned_WhenTheSecondaryDoesNotKnowTheKey_IsBadTsigAtOnce()
    {
        await using var secondary = FakePrimary.Start(onUdp: (request, _) =>
        {
            var verification = new TsigVerifier(TimeProvider.System).VerifyRequest(request, DnsMessage.Parse(request), TsigKeyring.Empty);
            var answer = DnsMessage.Parse(Acknowledge(request, verification.ResponseRcode));
            return [new TsigSigner(TimeProvider.System).SignResponse(answer, verification)];
        });

        var result = await Sender(Patient).SendAsync(Zone, null, new NotifyTarget(secondary.EndPoint, Key));

        Assert.Equal(NotifyOutcome.BadTsig, result.Outcome);
        Assert.Contains("BADKEY", result.Error);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public void Options_ByDefault_WaitOneTwoFourEightAndEightSeconds()
    {
        Assert.Equal([1, 2, 4, 8, 8], new NotifySenderOptions().AttemptTimeouts().Select(t => t.TotalSeconds));
    }

    [Fact]
    public void Options_OutOfRange_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sender(Quick with { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sender(Quick with { InitialTimeout = TimeSpan.Zero }));
    }

    private static byte[] SignedAnswer(byte[] request, TsigKey key)
    {
        var verification = new TsigVerifier(TimeProvider.System).VerifyRequest(request, DnsMessage.Parse(request), new TsigKeyring([key]));
        Assert.True(verification.IsOk, verification.ToString());
        var buffer = new byte[1024];
        Assert.Equal(NotifyRequestStatus.Ok, NotifyRequest.TryRead(request, out var notify));
        int length = NotifyMessage.WriteResponse(notify.Query, request, buffer, DnsRcode.NoError);
        Assert.True(new TsigSigner(TimeProvider.System).TrySignResponse(buffer, length, verification, out int signedLength));
        return buffer[..signedLength];
    }
}
