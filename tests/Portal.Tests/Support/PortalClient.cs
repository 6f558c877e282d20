using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>
/// Uses the portal as a browser without JavaScript does: GET a page, fill in one of its forms (hidden fields, the
/// antiforgery token and the form name included) and post it, with cookies kept and redirects visible to the test.
/// </summary>
public sealed class PortalClient : IDisposable
{
    private readonly HttpClient _http;

    public PortalClient(Uri address)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>GETs <paramref name="path"/> (following redirects) and parses it.</summary>
    public async Task<IHtmlDocument> PageAsync(string path)
    {
        for (int hops = 0; hops < 5; hops++)
        {
            using var response = await _http.GetAsync(path);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                path = response.Headers.Location!.ToString();
                continue;
            }
            return Parse(await response.Content.ReadAsStringAsync());
        }
        throw new InvalidOperationException("too many redirects");
    }

    /// <summary>
    /// Posts the form of <paramref name="page"/> that matches <paramref name="formSelector"/>, its inputs as they are
    /// with <paramref name="fields"/> set (by name). Returns the response (a redirect is not followed).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string> fields)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form matches {formSelector}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, select, textarea"))
        {
            string? name = input.GetAttribute("name");
            if (name is null || fields.ContainsKey(name))
                continue;
            if (input is IHtmlInputElement { Type: "checkbox" or "radio" } box && !box.IsChecked)
                continue;
            string value = (input switch
            {
                IHtmlInputElement i => i.Value,
                IHtmlSelectElement s => s.Value,
                IHtmlTextAreaElement t => t.Value,
                _ => null,
            }) ?? "";
            values.Add(new(name, value));
        }
        values.AddRange(fields);
        string action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Url is { Length: > 0 } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/";
        return await _http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts a form and, when the answer is a page (a validation error), parses it; a redirect gives null.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument? Page)> SubmitAndReadAsync(IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string> fields)
    {
        var response = await SubmitAsync(page, formSelector, fields);
        return response.StatusCode == HttpStatusCode.OK ? (response, Parse(await response.Content.ReadAsStringAsync())) : (response, null);
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public void Dispose() => _http.Dispose();
}
