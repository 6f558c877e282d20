using System.Text.RegularExpressions;

namespace SecondaryPortal.Portal.Tests.Structure;

/// <summary>
/// Which namespaces (folders) of src/Portal use which, read from the source: a file uses another namespace when it
/// names one of that namespace's types or extension methods and has it in scope (its <c>using</c> lines, Razor
/// <c>@using</c> lines and the _Imports.razor files above it, or an enclosing namespace), or names it qualified.
/// </summary>
internal sealed partial class PortalFolderGraph
{
    private const string RootNamespace = "SecondaryPortal.Portal";
    private static readonly string[] Skipped = ["bin", "obj", "node_modules", "wwwroot"];

    private PortalFolderGraph(IReadOnlyDictionary<(string From, string To), SortedSet<string>> edges) => Edges = edges;

    /// <summary>Each use of one namespace by another, with the names that make it ("AddPortalZones()" for an extension method).</summary>
    public IReadOnlyDictionary<(string From, string To), SortedSet<string>> Edges { get; }

    /// <summary>Reads every .cs and .razor file under <paramref name="portalDirectory"/>.</summary>
    public static PortalFolderGraph Read(string portalDirectory)
    {
        var files = Directory.EnumerateFiles(portalDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(portalDirectory, f).Split(Path.DirectorySeparatorChar).Any(Skipped.Contains))
            .Select(f => SourceFile.Read(portalDirectory, f)).ToList();
        var declared = new Dictionary<string, HashSet<string>>();
        var extensions = new Dictionary<string, HashSet<string>>();
        foreach (var file in files)
        {
            Bucket(declared, file.Namespace).UnionWith(file.Types);
            Bucket(extensions, file.Namespace).UnionWith(file.Extensions);
        }

        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var file in files)
        {
            var words = Word().Matches(file.Body).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            foreach (string other in declared.Keys.Where(n => n != file.Namespace))
            {
                var used = new SortedSet<string>(StringComparer.Ordinal);
                if (file.InScope(other))
                {
                    used.UnionWith(declared[other].Where(words.Contains));
                    used.UnionWith(extensions[other].Where(m => file.Body.Contains('.' + m + '(', StringComparison.Ordinal)
                        || file.Body.Contains('.' + m + '<', StringComparison.Ordinal)).Select(m => m + "()"));
                }
                string relative = other.Length > RootNamespace.Length ? other[(RootNamespace.Length + 1)..] : other;
                used.UnionWith(declared[other].Where(t => Regex.IsMatch(file.Body, $@"\b{Regex.Escape(relative)}\.{t}\b")));
                if (used.Count > 0)
                    Bucket(edges, (file.Namespace, other)).UnionWith(used);
            }
        }
        return new PortalFolderGraph(edges);
    }

    /// <summary>The same graph with each namespace cut to its first <paramref name="depth"/> folders (1: Services, Components ...).</summary>
    public PortalFolderGraph Collapse(int depth)
    {
        string Cut(string ns) => string.Join('.', ns.Split('.').Take(2 + depth));
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var ((from, to), names) in Edges)
            if (Cut(from) != Cut(to))
                Bucket(edges, (Cut(from), Cut(to))).UnionWith(names);
        return new PortalFolderGraph(edges);
    }

    /// <summary>Every use A -> B where B also reaches A, as "A -> B (names)"; empty when the folders form no cycle.</summary>
    public IReadOnlyList<string> Cycles() => Edges
        .Where(e => Reaches(e.Key.To, e.Key.From))
        .Select(e => $"{Short(e.Key.From)} -> {Short(e.Key.To)} ({string.Join(", ", e.Value)})")
        .Order(StringComparer.Ordinal).ToList();

    private bool Reaches(string from, string to)
    {
        var seen = new HashSet<string> { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out string? current))
        {
            if (current == to)
                return true;
            foreach (var ((a, b), _) in Edges)
                if (a == current && seen.Add(b))
                    queue.Enqueue(b);
        }
        return false;
    }

    private static string Short(string ns) => ns == RootNamespace ? "(root)" : ns[(RootNamespace.Length + 1)..];

    private static TValue Bucket<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key) where TKey : notnull where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
            map[key] = value = new TValue();
        return value;
    }

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Word();

    private sealed partial record SourceFile(string Namespace, HashSet<string> Usings, string Body, HashSet<string> Types, HashSet<string> Extensions)
    {
        public bool InScope(string ns) => Usings.Contains(ns) || Namespace.StartsWith(ns + ".", StringComparison.Ordinal);

        public static SourceFile Read(string portalDirectory, string path)
        {
            string text = File.ReadAllText(path);
            string body = PlainComment().Replace(UsingLine().Replace(text, ""), "");
            if (path.EndsWith(".razor", StringComparison.Ordinal))
            {
                string folder = Path.GetRelativePath(portalDirectory, Path.GetDirectoryName(path)!);
                string ns = RazorNamespace().Match(text) is { Success: true } m ? m.Groups[1].Value
                    : folder == "." ? RootNamespace : RootNamespace + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
                var usings = RazorUsing().Matches(text).Select(u => u.Groups[1].Value).ToHashSet();
                for (string? dir = Path.GetDirectoryName(path); dir is not null && dir.Length >= portalDirectory.TrimEnd(Path.DirectorySeparatorChar).Length; dir = Path.GetDirectoryName(dir))
                {
                    string imports = Path.Combine(dir, "_Imports.razor");
                    if (File.Exists(imports) && imports != path)
                        usings.UnionWith(RazorUsing().Matches(File.ReadAllText(imports)).Select(u => u.Groups[1].Value));
                }
                string name = Path.GetFileNameWithoutExtension(path);
                return new SourceFile(ns, usings, body, name == "_Imports" ? [] : [name], []);
            }
            return new SourceFile(
                FileNamespace().Match(text) is { Success: true } n ? n.Groups[1].Value : RootNamespace,
                CsUsing().Matches(text).Select(u => u.Groups[1].Value).ToHashSet(),
                body,
                Declaration().Matches(text).Select(d => d.Groups[1].Value).ToHashSet(),
                Extension().Matches(text).Select(d => d.Groups[1].Value).ToHashSet());
        }

        [GeneratedRegex(@"^\s*@?using\s.*$", RegexOptions.Multiline)]
        private static partial Regex UsingLine();

        [GeneratedRegex(@"(?<!/)//(?!/).*$", RegexOptions.Multiline)]
        private static partial Regex PlainComment();

        [GeneratedRegex(@"^@namespace\s+([\w.]+)", RegexOptions.Multiline)]
        private static partial Regex RazorNamespace();

        [GeneratedRegex(@"^@using\s+([\w.]+)\s*$", RegexOptions.Multiline)]
        private static partial Regex RazorUsing();

        [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
        private static partial Regex FileNamespace();

        [GeneratedRegex(@"^using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
        private static partial Regex CsUsing();

        [GeneratedRegex(@"^\s*(?:(?:public|internal|private|protected|static|sealed|abstract|partial|readonly|ref|file)\s+)*(?:class|record(?:\s+struct|\s+class)?|struct|interface|enum)\s+([A-Z]\w*)", RegexOptions.Multiline)]
        private static partial Regex Declaration();

        [GeneratedRegex(@"\bstatic\s+[\w<>\[\]?,. ]+?\s+([A-Z]\w*)(?:<[^>]*>)?\s*\(\s*this\b")]
        private static partial Regex Extension();
    }
}
