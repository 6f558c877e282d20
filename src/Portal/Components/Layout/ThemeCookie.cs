using Microsoft.AspNetCore.Http;

namespace SecondaryPortal.Portal.Components.Layout;

/// <summary>The visitor's light or dark choice, kept in a cookie that the page's script writes (js/portal.js).</summary>
public static class ThemeCookie
{
    /// <summary>The cookie's name; its value is "dark" or "light".</summary>
    public const string Name = "portal-theme";

    /// <summary>True when the request carries the dark choice.</summary>
    public static bool IsDark(HttpContext? context) => context?.Request.Cookies[Name] == "dark";
}
