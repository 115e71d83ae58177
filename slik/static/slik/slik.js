// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Ask before destructive actions that post straight from a list.
  document.body.addEventListener("submit", (event) => {
    const message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
});
// Render Vega-Lite charts whose spec sits in a JSON script tag next to their container.
function slikRenderCharts(root) {
  if (typeof vegaEmbed === "undefined") return;
  root.querySelectorAll("[data-vega-spec]").forEach((el) => {
    const spec = JSON.parse(document.getElementById(el.dataset.vegaSpec).textContent);
    vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then((result) => {
      const svg = el.querySelector("svg");
      if (svg) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", el.dataset.label || ""); }
    });
  });
}
document.addEventListener("DOMContentLoaded", () => slikRenderCharts(document));
document.addEventListener("htmx:afterSettle", (event) => slikRenderCharts(event.target));
