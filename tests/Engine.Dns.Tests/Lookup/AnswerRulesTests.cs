using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>The answer algorithm of RFC 1034 §4.3.2 and its updates, one rule per test, on a small zone.</summary>
public sealed class AnswerRulesTests
{
    internal const string Zone = """
        $ORIGIN example.
        $TTL 3600
        @         SOA   ns1 hostmaster 1 7200 900 1209600 300
        @         NS    ns1
        @         NS    ns2.other.
        ns1       A     192.0.2.1
        ns1       AAAA  2001:db8::1
        www       A     192.0.2.80
        WeB       A     192.0.2.81
        alias     CNAME www
        c1        CNAME c2
        c2        CNAME www
        out       CNAME www.other.
        dangling  CNAME missing
        loop1     CNAME loop2
        loop2     CNAME loop1
        dn   7200 DNAME target
        x.target  A     192.0.2.100
        far       DNAME aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.other.
        *.wild    A     192.0.2.42
        sub.wild  TXT   "exists"
        *.ent     A     192.0.2.51
        a.b.ent   A     192.0.2.50
        deleg     NS    ns.deleg
        deleg     NS    ns.other.
        deleg     DS    12345 13 2 2BB183AF5F22588179A53B0A98631FAD1A292118A5C9CB4A4F0C71C4F2A64E30
        ns.deleg  A     192.0.2.201
        mx        MX    10 www
        mx        MX    20 mail.other.
        srv       SRV   0 0 80 ns1
        """;

    private static readonly TestResponder Responder = TestResponder.WithZone("example.", Zone);

    [Fact]
    public void ExactMatch_AnswersTheRRset_Authoritatively()
    {
        var answer = Responder.Ask("www.example.", RecordType.A);

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.True((answer.Flags & DnsHeaderFlags.AA) != 0);
        Assert.Equal(["www.example. 3600 A 192.0.2.80"], ResponseText.Lines(answer.Answers));
        Assert.Empty(answer.Authorities);
    }

    [Fact]
    public void ExactMatch_IgnoresCase_AndKeepsTheQuestionsCase()
    {
        var answer = Responder.Ask("wEb.EXAMPLE.", RecordType.A);

        Assert.True(answer.Question!.Name.EqualsCaseSensitive(DnsName.Parse("wEb.EXAMPLE.")));
        Assert.Equal(["web.example. 3600 A 192.0.2.81"], ResponseText.Lines(answer.Answers));
    }

    [Fact]
    public void Cname_IsFollowedToItsTarget()
    {
        var answer = Responder.Ask("alias.example.", RecordType.A);

        Assert.Equal(["alias.example. 3600 CNAME www.example.", "www.example. 3600 A 192.0.2.80"], ResponseText.Lines(answer.Answers));
    }

    [Fact]
    public void CnameChain_IsFollowedLinkByLink()
    {
        var answer = Responder.Ask("c1.example.", RecordType.A);

        Assert.Equal(["c1.example. 3600 CNAME c2.example.", "c2.example. 3600 CNAME www.example.", "www.example. 3600 A 192.0.2.80"],
            ResponseText.Lines(answer.Answers));
    }

    [Fact]
    public void Cname_IntoAnotherZone_EndsTheAnswer()
    {
        var answer = Responder.Ask("out.example.", RecordType.A);

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.Equal(["out.example. 3600 CNAME www.other."], ResponseText.Lines(answer.Answers));
        Assert.Empty(answer.Authorities);
    }

    [Fact]
    public void Cname_ToAMissingName_GivesNxDomainAfterTheCname()
    {
        var answer = Responder.Ask("dangling.example.", RecordType.A);

        Assert.Equal(DnsRcode.NXDomain, answer.Rcode);
        Assert.Equal(["dangling.example. 3600 CNAME missing.example."], ResponseText.Lines(answer.Answers));
        Assert.True(answer.Authorities.Has("example.", RecordType.SOA));
    }

    [Fact]
    public void CnameLoop_GivesServFail_WithTheChainSoFar()
    {
        var answer = Responder.Ask("loop1.example.", RecordType.A);

        Assert.Equal(DnsRcode.ServFail, answer.Rcode);
        Assert.Equal(2, answer.Answers.Count);
    }

    [Fact]
    public void Cname_AskedForItself_IsNotFollowed()
    {
        var answer = Responder.Ask("alias.example.", RecordType.CNAME);

        Assert.Equal(["alias.example. 3600 CNAME www.example."], ResponseText.Lines(answer.Answers));
    }

    [Fact]
    public void Dname_SynthesizesACnameWithTheDnameTtl_AndFollowsIt()
    {
        var answer = Responder.Ask("x.dn.example.", RecordType.A);

        Assert.Equal(
            ["dn.example. 7200 DNAME target.example.", "x.dn.example. 7200 CNAME x.target.example.", "x.target.example. 3600 A 192.0.2.100"],
            ResponseText.Lines(answer.Answers));
    }

    [Fact]
    public void Dname_WhenTheSubstitutedNameIsTooLong_GivesYxDomain()
    {
        string longName = new string('a', 60) + "." + new string('b', 60) + ".far.example.";

        var answer = Responder.Ask(longName, RecordType.A);

        Assert.Equal(DnsRcode.YXDomain, answer.Rcode);
        Assert.Equal([RecordType.DNAME], answer.Answers.Select(r => r.Type));
    }

    [Fact]
    public void Dname_AtItsOwnName_IsOrdinaryData()
    {
        var answer = Responder.Ask("dn.example.", RecordType.A);

        Assert.Empty(answer.Answers);
        Assert.True(answer.Authorities.Has("example.", RecordType.SOA));
    }

    [Fact]
    public void Wildcard_SynthesizesRecordsOwnedByTheQueryName()
    {
        var answer = Responder.Ask("Host.Wild.example.", RecordType.A);

        Assert.Equal(["host.wild.example. 3600 A 192.0.2.42"], ResponseText.Lines(answer.Answers));
        Assert.True((answer.Flags & DnsHeaderFlags.AA) != 0);
    }

    [Fact]
    public void Wildcard_DoesNotApplyToAnExistingName()
    {
        var answer = Responder.Ask("sub.wild.example.", RecordType.A);

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.Empty(answer.Answers);
    }

    [Fact]
    public void Wildcard_IsBlockedByAnEmptyNonTerminal()
    {
        Assert.Equal(["x.ent.example. 3600 A 192.0.2.51"], ResponseText.Lines(Responder.Ask("x.ent.example.", RecordType.A).Answers));

        var belowEmpty = Responder.Ask("x.b.ent.example.", RecordType.A);

        Assert.Equal(DnsRcode.NXDomain, belowEmpty.Rcode);
    }

    [Fact]
    public void EmptyNonTerminal_GivesNoData()
    {
        var answer = Responder.Ask("b.ent.example.", RecordType.A);

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.Empty(answer.Answers);
        Assert.True(answer.Authorities.Has("example.", RecordType.SOA));
    }

    [Fact]
    public void Wildcard_IsNotAppliedBelowADelegation()
    {
        var responder = TestResponder.WithZone("example.", "$TTL 60\n@ SOA ns hm 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n* A 192.0.2.9\ncut NS ns.other.\n");

        var answer = responder.Ask("x.cut.example.", RecordType.A);

        Assert.Empty(answer.Answers);
        Assert.True(answer.Authorities.Has("cut.example.", RecordType.NS));
    }

    [Fact]
    public void Delegation_RefersWithNsAndGlue_WithoutAa()
    {
        var answer = Responder.Ask("host.deleg.example.", RecordType.A);

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.True((answer.Flags & DnsHeaderFlags.AA) == 0);
        Assert.Empty(answer.Answers);
        Assert.Equal(["deleg.example. 3600 NS ns.deleg.example.", "deleg.example. 3600 NS ns.other."], ResponseText.Lines(answer.Authorities).Order());
        Assert.Equal(["ns.deleg.example. 3600 A 192.0.2.201"], ResponseText.Lines(answer.Additionals.Where(r => r.Type != RecordType.OPT)));
    }

    [Fact]
    public void Delegation_NsQueryAtTheCut_IsReferred()
    {
        var answer = Responder.Ask("deleg.example.", RecordType.NS);

        Assert.True((answer.Flags & DnsHeaderFlags.AA) == 0);
        Assert.Empty(answer.Answers);
        Assert.True(answer.Authorities.Has("deleg.example.", RecordType.NS));
    }

    [Fact]
    public void Delegation_DsQuery_IsAnsweredAuthoritativelyFromTheParentSide()
    {
        var answer = Responder.Ask("deleg.example.", RecordType.DS);

        Assert.True((answer.Flags & DnsHeaderFlags.AA) != 0);
        Assert.True(answer.Answers.Has("deleg.example.", RecordType.DS));
    }

    [Fact]
    public void DsQueryAtAChildApex_IsAnsweredByTheParentZone_WhenBothAreServed()
    {
        var responder = TestResponder.WithZone("example.", Zone);
        responder.Zones.Publish(TestResponder.Load("deleg.example.", "$TTL 60\n@ SOA ns hm 1 2 3 4 5\n@ NS ns\nns A 192.0.2.201\n"));

        var ds = responder.Ask("deleg.example.", RecordType.DS);
        var ns = responder.Ask("deleg.example.", RecordType.NS);

        Assert.True(ds.Answers.Has("deleg.example.", RecordType.DS));
        Assert.Equal(["deleg.example. 60 NS ns.deleg.example."], ResponseText.Lines(ns.Answers));
        Assert.True((ns.Flags & DnsHeaderFlags.AA) != 0);
    }

    [Fact]
    public void NoData_CarriesTheSoaWithTheNegativeTtl()
    {
        var answer = Responder.Ask("www.example.", RecordType.MX);

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.Empty(answer.Answers);
        Assert.Equal(["example. 300 SOA ns1.example. hostmaster.example. 1 7200 900 1209600 300"], ResponseText.Lines(answer.Authorities));
    }

    [Fact]
    public void NxDomain_CarriesTheSoaWithTheNegativeTtl()
    {
        var answer = Responder.Ask("nope.example.", RecordType.A);

        Assert.Equal(DnsRcode.NXDomain, answer.Rcode);
        Assert.True((answer.Flags & DnsHeaderFlags.AA) != 0);
        Assert.Equal(["example. 300 SOA ns1.example. hostmaster.example. 1 7200 900 1209600 300"], ResponseText.Lines(answer.Authorities));
    }

    [Fact]
    public void NegativeTtl_IsTheSoaTtl_WhenLowerThanTheMinimum()
    {
        var responder = TestResponder.WithZone("example.", "@ 60 SOA ns hm 1 2 3 4 300\n@ 60 NS ns\nns 60 A 192.0.2.1\n");

        var answer = responder.Ask("nope.example.", RecordType.A);

        Assert.Equal(60u, answer.Authorities.Single().Ttl);
    }

    [Fact]
    public void Additional_CarriesAddressesOfInZoneMxTargets()
    {
        var answer = Responder.Ask("mx.example.", RecordType.MX);

        Assert.Equal(["www.example. 3600 A 192.0.2.80"], ResponseText.Lines(answer.Additionals.Where(r => r.Type != RecordType.OPT)));
    }

    [Fact]
    public void Additional_CarriesAddressesOfSrvAndNsTargets()
    {
        var srv = Responder.Ask("srv.example.", RecordType.SRV);
        var ns = Responder.Ask("example.", RecordType.NS);

        foreach (var answer in new[] { srv, ns })
        {
            Assert.Equal(["ns1.example. 3600 A 192.0.2.1", "ns1.example. 3600 AAAA 2001:db8::1"],
                ResponseText.Lines(answer.Additionals.Where(r => r.Type != RecordType.OPT)));
        }
    }

    [Fact]
    public void NameOutsideEveryZone_IsRefused()
    {
        var answer = Responder.Ask("www.other.", RecordType.A);

        Assert.Equal(DnsRcode.Refused, answer.Rcode);
        Assert.True((answer.Flags & DnsHeaderFlags.AA) == 0);
        Assert.Empty(answer.Answers);
    }

    [Fact]
    public void ClosestEnclosingZone_Answers()
    {
        var responder = TestResponder.WithZone("example.", Zone);
        responder.Zones.Publish(TestResponder.Load("deleg.example.", "$TTL 60\n@ SOA ns hm 1 2 3 4 5\n@ NS ns\nns A 192.0.2.201\nwww A 192.0.2.202\n"));

        var answer = responder.Ask("www.deleg.example.", RecordType.A);

        Assert.True((answer.Flags & DnsHeaderFlags.AA) != 0);
        Assert.Equal(["www.deleg.example. 60 A 192.0.2.202"], ResponseText.Lines(answer.Answers));
    }
}
