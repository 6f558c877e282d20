// SecondaryPortal: progressive enhancement only; every form works without this file.
// htmx requests carry the antiforgery token of the page's first form, so partial posts pass the same check as full ones.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("input[name='__RequestVerificationToken']");
  if (token) event.detail.headers["RequestVerificationToken"] = token.value;
});
