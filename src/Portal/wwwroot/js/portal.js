// SecondaryPortal: progressive enhancement only; every form works without this file.
// htmx requests carry the antiforgery token of the page's first form, so partial posts pass the same check as full ones.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("input[name='__RequestVerificationToken']");
  if (token) event.detail.headers["RequestVerificationToken"] = token.value;
});

// The wizard's key choice: only the chosen option's fields show and are sent (disabled otherwise), so the fields seen are
// the fields used; the server reads a new key filled in under "No key" as a new key (SiteKeyChoiceRule).
function syncKeyChoice() {
  const mode = document.querySelector("input[name='Form.KeyMode']:checked")?.value;
  for (const [id, shown] of [["existing-key-group", mode === "Existing"], ["new-key-fields", mode === "New"]]) {
    const part = document.getElementById(id);
    part?.toggleAttribute("hidden", !shown);
    part?.querySelectorAll("input, select, button").forEach((control) => { control.disabled = !shown; });
  }
  document.getElementById("new-key-fields")?.toggleAttribute("disabled", mode !== "New");
}
document.addEventListener("change", (event) => {
  if (event.target.name === "Form.KeyMode") syncKeyChoice();
});
document.addEventListener("DOMContentLoaded", syncKeyChoice);

// The layout's theme choice (light or dark), kept in a cookie that the server reads when it renders the next page.
window.portalTheme = {
  save(dark) {
    document.cookie = `portal-theme=${dark ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
  },
};

// On a statically rendered page the layout's buttons reach no circuit: the theme button saves and reloads, the menu
// button opens and closes the drawer by its classes.
document.addEventListener("click", (event) => {
  const theme = event.target.closest("[data-theme-toggle]");
  if (theme) {
    window.portalTheme.save(theme.dataset.themeToggle === "dark");
    location.reload();
    return;
  }
  const menu = event.target.closest("[data-drawer-toggle]");
  const drawer = menu && document.getElementById(menu.dataset.drawerToggle);
  if (drawer) {
    // Statically rendered, a phone's drawer is "open" but hidden (mud-drawer--initial) until MudBlazor's script would size it.
    const shown = getComputedStyle(drawer).display !== "none" && !drawer.classList.contains("mud-drawer--closed");
    drawer.classList.remove("mud-drawer--initial");
    drawer.classList.toggle("mud-drawer--open", !shown);
    drawer.classList.toggle("mud-drawer--closed", shown);
  }
});
