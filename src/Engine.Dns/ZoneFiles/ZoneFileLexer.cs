using SecondaryPortal.Dns.Presentation;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// Splits master-file text into logical lines of tokens (RFC 1035 §5.1), apart from any meaning:
/// blanks separate tokens; ";" starts a comment that runs to the end of the line; "(" and ")" join physical
/// lines into one entry (nesting is allowed, as in BIND); a "quoted string" is one token that may hold blanks,
/// ";" and parentheses; "\X" and "\DDD" escape a character, so "a\ b", "\;" and "\(" stay inside a word.
/// Tokens keep their escapes as written (the field parsers decode them) and lose their quotes.
/// As in BIND, a '"' ends an unquoted word and starts a quoted one, and a quoted string must close on its
/// own line.
/// </summary>
public sealed class ZoneFileLexer
{
    private readonly TextReader _reader;
    private int _lineNumber;

    /// <summary>Reads from <paramref name="reader"/>; <paramref name="sourceName"/> names the text in errors.</summary>
    public ZoneFileLexer(TextReader reader, string sourceName)
    {
        _reader = reader;
        SourceName = sourceName;
    }

    /// <summary>The name of the text, used in errors.</summary>
    public string SourceName { get; }

    /// <summary>Splits <paramref name="text"/> (one line, no newline) into its tokens, as a zone file line would be.</summary>
    /// <exception cref="ZoneFileException">The text is not well formed (unclosed quote, unbalanced parentheses, bad escape).</exception>
    public static IReadOnlyList<PresentationToken> Tokenize(string text, string sourceName = "text")
    {
        var lexer = new ZoneFileLexer(new StringReader(text), sourceName);
        var tokens = new List<PresentationToken>();
        while (lexer.ReadLine() is { } line)
            tokens.AddRange(line.Tokens);
        return tokens;
    }

    /// <summary>Reads the next logical line that holds a token; null at the end of the text.</summary>
    /// <exception cref="ZoneFileException">The text is not well formed.</exception>
    public ZoneFileLine? ReadLine()
    {
        var tokens = new List<PresentationToken>();
        var state = new ParenState();
        bool startsWithBlank = false;
        while (_reader.ReadLine() is { } text)
        {
            _lineNumber++;
            if (_lineNumber == 1 && text.StartsWith('\uFEFF'))
                text = text[1..];
            if (tokens.Count == 0 && state.Depth == 0)
                startsWithBlank = text.Length > 0 && IsBlank(text[0]);
            ScanLine(text, tokens, ref state);
            if (state.Depth == 0 && tokens.Count > 0)
                return new ZoneFileLine(tokens, startsWithBlank);
        }
        if (state.Depth > 0)
            throw Error("unbalanced parentheses: this '(' is never closed", state.OpenLine, state.OpenColumn);
        return null;
    }

    private void ScanLine(string text, List<PresentationToken> tokens, ref ParenState state)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsBlank(c))
            {
                i++;
            }
            else if (c == ';')
            {
                return;
            }
            else if (c == '(')
            {
                if (state.Depth == 0)
                    (state.OpenLine, state.OpenColumn) = (_lineNumber, i + 1);
                state.Depth++;
                i++;
            }
            else if (c == ')')
            {
                if (state.Depth == 0)
                    throw Error("unbalanced parentheses: ')' without a '(' before it", _lineNumber, i + 1);
                state.Depth--;
                i++;
            }
            else
            {
                i = c == '"' ? ScanQuoted(text, i, tokens) : ScanWord(text, i, tokens);
            }
        }
    }

    /// <summary>Reads a word up to a blank, ';', a parenthesis or a quote that is not escaped.</summary>
    private int ScanWord(string text, int start, List<PresentationToken> tokens)
    {
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\')
            {
                i += EscapeLength(text, i);
                continue;
            }
            if (IsBlank(c) || c is ';' or '(' or ')' or '"')
                break;
            i++;
        }
        tokens.Add(new PresentationToken(text[start..i], false, _lineNumber, start + 1));
        return i;
    }

    /// <summary>Reads a quoted string; it must end on the same line (BIND rejects a newline inside quotes).</summary>
    private int ScanQuoted(string text, int start, List<PresentationToken> tokens)
    {
        int i = start + 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\')
            {
                i += EscapeLength(text, i);
                continue;
            }
            if (c == '"')
            {
                tokens.Add(new PresentationToken(text[(start + 1)..i], true, _lineNumber, start + 1));
                return i + 1;
            }
            i++;
        }
        throw Error("a quoted string is not closed before the end of the line", _lineNumber, start + 1);
    }

    /// <summary>Checks the escape at <paramref name="at"/> (RFC 1035 §5.1: "\X" or "\DDD") and returns its length.</summary>
    private int EscapeLength(string text, int at)
    {
        if (at + 1 >= text.Length)
            throw Error("a '\\' at the end of a line escapes nothing", _lineNumber, at + 1);
        if (!char.IsAsciiDigit(text[at + 1]))
            return 2;
        if (at + 3 >= text.Length || !char.IsAsciiDigit(text[at + 2]) || !char.IsAsciiDigit(text[at + 3])
            || (text[at + 1] - '0') * 100 + (text[at + 2] - '0') * 10 + (text[at + 3] - '0') > 255)
            throw Error("bad escape: '\\' and a digit must be followed by three digits from 000 to 255", _lineNumber, at + 1);
        return 4;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\f' or '\v';

    private ZoneFileException Error(string reason, int line, int column) => new(reason, SourceName, line, column);

    private struct ParenState
    {
        public int Depth;
        public int OpenLine;
        public int OpenColumn;
    }
}
