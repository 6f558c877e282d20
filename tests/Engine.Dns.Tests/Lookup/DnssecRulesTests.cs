using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>Pre-signed zones: signatures and denial proofs with DO (RFC 4035 §3.1, RFC 5155 §7.2), none without.</summary>
public sealed class DnssecRulesTests
{
    private static readonly TestResponder Responder = UnitZones.Responder();

    private static DnsName Name(string text) => DnsName.Parse(text);

    [Fact]
    public void WithDo_TheAnswerCarriesItsSignature()
    {
        var answer = Responder.AskWithDo("www.secure.rich.example.", RecordType.A);

        Assert.Equal([RecordType.A, RecordType.RRSIG], answer.Answers.Select(r => r.Type));
        Assert.Equal(RecordType.A, ((RrsigData)answer.Answers[1].Data).TypeCovered);
    }

    [Fact]
    public void WithoutDo_NoDnssecRecordsAreAdded()
    {
        foreach (var (name, type) in new[] { ("www.secure.rich.example.", RecordType.A), ("nope.secure.rich.example.", RecordType.A), ("unsigned.secure3.rich.example.", RecordType.A) })
        {
            var answer = Responder.Ask(name, type, new SecondaryPortal.Dns.Messages.Edns());
            Assert.DoesNotContain(answer.Answers.Concat(answer.Authorities).Concat(answer.Additionals),
                r => r.Type is RecordType.RRSIG or RecordType.NSEC or RecordType.NSEC3);
        }
    }

    [Theory]
    [InlineData(RecordType.RRSIG)]
    [InlineData(RecordType.NSEC)]
    [InlineData(RecordType.DNSKEY)]
    public void WithoutDo_DnssecTypesAskedForAreAnswered(RecordType type)
    {
        string name = type == RecordType.DNSKEY ? "secure.rich.example." : "www.secure.rich.example.";

        var answer = Responder.Ask(name, type, transport: SecondaryPortal.Dns.Server.DnsTransport.Tcp);

        Assert.NotEmpty(answer.Answers);
        Assert.All(answer.Answers, r => Assert.Equal(type, r.Type));
    }

    [Fact]
    public void WithDo_NoData_IsProvenByTheNsecOfTheName()
    {
        var answer = Responder.AskWithDo("www.secure.rich.example.", RecordType.MX);

        var nsec = Assert.Single(answer.Authorities, r => r.Type == RecordType.NSEC);
        Assert.Equal(Name("www.secure.rich.example."), nsec.Name);
        Assert.False(((NsecData)nsec.Data).Types.Contains(RecordType.MX));
        Assert.True(answer.Authorities.Has("secure.rich.example.", RecordType.SOA));
        Assert.Equal(2, answer.Authorities.Count(r => r.Type == RecordType.RRSIG));
    }

    [Fact]
    public void WithDo_NxDomain_IsProvenByNsecsCoveringTheNameAndTheWildcard()
    {
        var qname = Name("nope.secure.rich.example.");

        var answer = Responder.AskWithDo(qname.ToString(), RecordType.A);

        Assert.Equal(DnsRcode.NXDomain, answer.Rcode);
        var nsecs = answer.Authorities.Where(r => r.Type == RecordType.NSEC).ToList();
        Assert.Contains(nsecs, n => DenialAssert.Covers(n, qname));
        Assert.Contains(nsecs, n => DenialAssert.Covers(n, Name("*.secure.rich.example.")));
        Assert.Equal(nsecs.Count + 1, answer.Authorities.Count(r => r.Type == RecordType.RRSIG));
    }

    [Fact]
    public void WithDo_WildcardAnswer_ProvesTheNameItselfDoesNotExist()
    {
        var qname = Name("host.wild.secure.rich.example.");

        var answer = Responder.AskWithDo(qname.ToString(), RecordType.A);

        Assert.Equal(qname, answer.Answers[0].Name);
        Assert.Contains(answer.Authorities, n => n.Type == RecordType.NSEC && DenialAssert.Covers(n, qname));
    }

    [Fact]
    public void WithDo_ReferralToAnUnsignedChild_ProvesThereIsNoDs()
    {
        var answer = Responder.AskWithDo("host.unsigned.secure.rich.example.", RecordType.A);

        var nsec = Assert.Single(answer.Authorities, r => r.Type == RecordType.NSEC);
        Assert.Equal(Name("unsigned.secure.rich.example."), nsec.Name);
        Assert.True(((NsecData)nsec.Data).Types.Contains(RecordType.NS));
        Assert.False(((NsecData)nsec.Data).Types.Contains(RecordType.DS));
        Assert.True((answer.Flags & DnsHeaderFlags.AA) == 0);
    }

    [Fact]
    public void WithDo_ReferralToASignedChild_CarriesTheDsAndItsSignature()
    {
        var answer = Responder.AskWithDo("host.signed.secure3.rich.example.", RecordType.A);

        Assert.True(answer.Authorities.Has("signed.secure3.rich.example.", RecordType.DS));
        Assert.Contains(answer.Authorities, r => r.Data is RrsigData { TypeCovered: RecordType.DS });
    }

    [Fact]
    public void WithDo_Nsec3NxDomain_ProvesTheClosestEncloserTheNextCloserNameAndTheWildcard()
    {
        var answer = Responder.AskWithDo("a.nope.secure3.rich.example.", RecordType.A);

        Assert.Equal(DnsRcode.NXDomain, answer.Rcode);
        var nsec3 = answer.Authorities.Where(r => r.Type == RecordType.NSEC3).ToList();
        Assert.NotNull(DenialAssert.Matching(nsec3, Name("secure3.rich.example.")));
        Assert.True(DenialAssert.Nsec3Covers(nsec3, Name("nope.secure3.rich.example.")));
        Assert.True(DenialAssert.Nsec3Covers(nsec3, Name("*.secure3.rich.example.")));
    }

    [Fact]
    public void WithDo_Nsec3NoData_IsProvenByTheMatchingNsec3()
    {
        var answer = Responder.AskWithDo("www.secure3.rich.example.", RecordType.MX);

        var match = DenialAssert.Matching(answer.Authorities, Name("www.secure3.rich.example."));
        Assert.NotNull(match);
        Assert.False(((Nsec3Data)match.Data).Types.Contains(RecordType.MX));
    }

    [Fact]
    public void WithDo_Nsec3WildcardAnswer_ProvesTheNextCloserNameDoesNotExist()
    {
        var answer = Responder.AskWithDo("host.wild.secure3.rich.example.", RecordType.A);

        Assert.True(DenialAssert.Nsec3Covers(answer.Authorities, Name("host.wild.secure3.rich.example.")));
    }

    [Fact]
    public void WithDo_Nsec3OptOutReferral_ProvesTheClosestProvableEncloser()
    {
        var answer = Responder.AskWithDo("host.optout.secure3.rich.example.", RecordType.A);

        Assert.True(answer.Authorities.Has("optout.secure3.rich.example.", RecordType.NS));
        var nsec3 = answer.Authorities.Where(r => r.Type == RecordType.NSEC3).ToList();
        Assert.Null(DenialAssert.Matching(nsec3, Name("optout.secure3.rich.example.")));
        Assert.NotNull(DenialAssert.Matching(nsec3, Name("secure3.rich.example.")));
        Assert.True(DenialAssert.Nsec3Covers(nsec3, Name("optout.secure3.rich.example.")));
        Assert.Contains(nsec3, r => (((Nsec3Data)r.Data).Flags & Nsec3Data.OptOutFlag) != 0);
    }

    [Fact]
    public void Nsec3OwnerNames_DoNotExistForQueries()
    {
        var zone = UnitZones.Get(UnitZones.Nsec3);
        var owner = zone.Records().First(r => r.Type == RecordType.NSEC3).Name;

        var answer = Responder.AskWithDo(owner.ToString(), RecordType.NSEC3);

        Assert.Equal(DnsRcode.NXDomain, answer.Rcode);
    }

    [Fact]
    public void WithDo_AdditionalAddressesCarryTheirSignatures()
    {
        var answer = Responder.AskWithDo("secure.rich.example.", RecordType.NS);

        Assert.True(answer.Additionals.Has("ns1.secure.rich.example.", RecordType.A));
        Assert.Contains(answer.Additionals, r => r.Data is RrsigData { TypeCovered: RecordType.A });
    }

    [Fact]
    public void WithDo_NegativeAnswerSoaSignature_TakesTheNegativeTtl()
    {
        var answer = Responder.AskWithDo("nope.secure.rich.example.", RecordType.A);

        var soa = answer.Authorities.Single(r => r.Type == RecordType.SOA);
        var signature = answer.Authorities.Single(r => r.Data is RrsigData { TypeCovered: RecordType.SOA });
        Assert.Equal(soa.Ttl, signature.Ttl);
        Assert.Equal(((SoaData)soa.Data).Minimum, soa.Ttl);
    }
}
