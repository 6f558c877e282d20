using System.Globalization;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// BIND's "$GENERATE range owner [ttl] [class] type rdata" (BIND 9 ARM, "The $GENERATE Directive"): one record
/// per value of the range "start-stop[/step]" (0 to 2^31-1, start not after stop), with "$" in the owner and
/// RDATA templates replaced by the value (see <see cref="GenerateTemplate"/>). The RDATA template is one token,
/// quoted when it holds blanks; after substitution it is split into fields like any record's RDATA.
/// The owner of the records does not become the "previous owner" of later lines, as in BIND.
/// </summary>
internal static class GenerateDirective
{
    /// <summary>Checks the directive now and returns its records, made as they are enumerated.</summary>
    public static IEnumerable<DnsRecord> Expand(ZoneFileSession session, ZoneFileSource source, IReadOnlyList<PresentationToken> tokens)
    {
        if (!session.Options.AllowGenerate)
            throw session.Error(source, "$GENERATE is not allowed here", tokens[0]);
        if (tokens.Count < 2)
            throw session.ErrorAtEnd(source, "expected a range such as 1-100 or 1-100/2 after $GENERATE", tokens);
        var (start, stop, step) = ParseRange(session, source, tokens[1]);
        if (tokens.Count < 3)
            throw session.ErrorAtEnd(source, "expected the owner template after the $GENERATE range", tokens);
        var owner = ParseTemplate(session, source, tokens[2]);
        int index = 3;
        var header = session.ReadHeader(source, tokens, ref index);
        if (index >= tokens.Count)
            throw session.ErrorAtEnd(source, "expected the RDATA template after the type (quote it when it holds blanks)", tokens);
        var rdataToken = tokens[index];
        if (index + 1 < tokens.Count)
        {
            throw session.Error(source, $"unexpected '{tokens[index + 1].Text}' after the $GENERATE RDATA template; quote the RDATA when it holds blanks",
                tokens[index + 1]);
        }
        var rdata = ParseTemplate(session, source, rdataToken);
        long count = (stop - start) / step + 1;
        if (count > session.Options.MaxGenerateRecords)
        {
            throw session.Error(source, $"$GENERATE {tokens[1].Text} would make {count} records, more than the limit of {session.Options.MaxGenerateRecords}",
                tokens[1]);
        }
        var plan = new Plan(start, stop, step, owner, tokens[2], header, rdata, rdataToken);
        return Records(session, source, plan);
    }

    private static IEnumerable<DnsRecord> Records(ZoneFileSession session, ZoneFileSource source, Plan plan)
    {
        for (long value = plan.Start; value <= plan.Stop; value += plan.Step)
            yield return MakeRecord(session, source, plan, value);
    }

    private static DnsRecord MakeRecord(ZoneFileSession session, ZoneFileSource source, Plan plan, long value)
    {
        string ownerText = plan.Owner.Expand(value);
        if (!DnsName.TryParse(ownerText, source.Origin, out var owner, out string error))
            throw session.Error(source, $"$GENERATE made the owner '{ownerText}' for {value}, which is not a valid name: {error}", plan.OwnerToken);
        string rdataText = plan.Rdata.Expand(value);
        var at = plan.RdataToken;
        RecordData data;
        try
        {
            var fields = ZoneFileLexer.Tokenize(rdataText, source.Name)
                .Select(t => new PresentationToken(t.Text, t.Quoted, at.Line, at.Column))
                .ToList();
            data = session.ParseRdata(source, plan.Header.Type, fields, at);
        }
        catch (ZoneFileException e)
        {
            throw session.Error(source, $"$GENERATE made the RDATA '{rdataText}' for {value}: {e.Reason}", at);
        }
        uint ttl = session.ResolveTtl(source, plan.Header.Ttl, data, plan.Header.First);
        return new DnsRecord(owner, plan.Header.Class, ttl, data);
    }

    private static (long Start, long Stop, long Step) ParseRange(ZoneFileSession session, ZoneFileSource source, PresentationToken token)
    {
        string text = token.Text;
        string[] bounds = text.Split('/', 2);
        string[] range = bounds[0].Split('-', 2);
        long start = 0, stop = 0, step = 1;
        bool valid = !token.Quoted && range.Length == 2
            && TryParseBound(range[0], out start) && TryParseBound(range[1], out stop)
            && (bounds.Length == 1 || TryParseBound(bounds[1], out step));
        if (!valid)
            throw session.Error(source, $"expected a $GENERATE range such as 1-100 or 1-100/2 (numbers from 0 to 2147483647), found '{text}'", token);
        if (start > stop)
            throw session.Error(source, $"the $GENERATE range '{text}' starts after it stops", token);
        if (step == 0)
            throw session.Error(source, $"the $GENERATE range '{text}' has a step of 0", token);
        return (start, stop, step);
    }

    private static bool TryParseBound(string text, out long value)
    {
        bool parsed = uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint number) && number <= int.MaxValue;
        value = number;
        return parsed;
    }

    private static GenerateTemplate ParseTemplate(ZoneFileSession session, ZoneFileSource source, PresentationToken token)
    {
        if (!GenerateTemplate.TryParse(token.Text, out var template, out string error))
            throw session.Error(source, error, token);
        return template;
    }

    private sealed record Plan(
        long Start, long Stop, long Step, GenerateTemplate Owner, PresentationToken OwnerToken,
        RecordHeader Header, GenerateTemplate Rdata, PresentationToken RdataToken);
}
