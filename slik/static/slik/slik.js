// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Ask before destructive actions that post straight from a list.
  document.body.addEventListener("submit", (event) => {
    const message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
});
// The charts' locale and formats (decimal comma, no-break space between thousands, "kr",
// Norwegian dates) come from the page, written by {% chart_config %} from slik.core.charts –
// the same config the paper charts render with – so no number rule is repeated here.
function slikChartConfig() {
  const el = document.getElementById("slik-chart-config");
  return el ? JSON.parse(el.textContent) : {};
}
// Render Vega-Lite charts whose spec sits in a JSON script tag next to their container.
function slikRenderCharts(root) {
  if (typeof vegaEmbed === "undefined") return;
  const config = slikChartConfig();
  root.querySelectorAll("[data-vega-spec]").forEach((el) => {
    const spec = JSON.parse(document.getElementById(el.dataset.vegaSpec).textContent);
    // The Content Security Policy allows no eval and no injected <style>: Vega evaluates its
    // expressions with the interpreter (ast), and its default styles are in slik.css.
    const options = { actions: false, renderer: "svg", ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true } };
    vegaEmbed(el, spec, { ...options, config }).then((result) => {
      const svg = el.querySelector("svg");
      if (svg) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", el.dataset.label || ""); }
    });
  });
}
document.addEventListener("DOMContentLoaded", () => slikRenderCharts(document));
document.addEventListener("htmx:afterSettle", (event) => slikRenderCharts(event.target));
