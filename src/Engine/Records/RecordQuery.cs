using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Records;

/// <summary>Which records to show, and which page of them.</summary>
/// <param name="NameContains">Keep owner names containing this text (case-insensitive, presentation form, e.g. "www" or "mail.example.com."); null or blank keeps all.</param>
/// <param name="Type">Keep only this type; null keeps all.</param>
/// <param name="Page">The page, from 1; past the last page the last page is given.</param>
/// <param name="PageSize">Rows per page, 1 to <see cref="MaxPageSize"/> (clamped).</param>
public sealed record RecordQuery(string? NameContains = null, RecordType? Type = null, int Page = 1, int PageSize = 50)
{
    /// <summary>The largest page served.</summary>
    public const int MaxPageSize = 1000;
}
