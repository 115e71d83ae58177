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
// A chart is one image to assistive technology: its name is the figure's description (the
// data-label, else the figure caption) and the table beside it holds the numbers. Vega's own
// ARIA markup for marks and axes is switched off (config.aria, config.mark.aria): unnamed mark
// groups were announced as empty graphics.
function slikChartName(el) {
  const caption = el.closest("figure")?.querySelector("figcaption");
  return (el.dataset.label || caption?.textContent || "").trim();
}
function slikNameChart(el) {
  const svg = el.querySelector("svg");
  if (!svg) return;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", slikChartName(el));
}
// Each chart container ends in data-chart="rendered" or "failed", and <html> carries
// data-charts="rendered" once no chart on the page is still drawing: tests (and anyone
// measuring the page) wait for that instead of guessing a time.
function slikChartsSettled() {
  const pending = document.querySelector("[data-vega-spec]:not([data-chart])");
  document.documentElement.dataset.charts = pending ? "pending" : "rendered";
}
// Text and lines in the theme's colours, so a chart stays readable in the dark colour scheme
// (Vega's defaults are dark grey on nothing). Paper keeps Vega's defaults on white.
function slikChartColours() {
  const style = getComputedStyle(document.documentElement);
  const text = style.getPropertyValue("--ds-color-neutral-text-default").trim();
  const subtle = style.getPropertyValue("--ds-color-neutral-text-subtle").trim();
  const line = style.getPropertyValue("--ds-color-neutral-border-default").trim();
  if (!text) return {};
  return {
    axis: { labelColor: subtle, titleColor: text, domainColor: line, tickColor: line, gridColor: style.getPropertyValue("--ds-color-neutral-border-subtle").trim() },
    legend: { labelColor: subtle, titleColor: text },
    title: { color: text },
    text: { color: text },
    rule: { color: subtle },
  };
}
// Render Vega-Lite charts whose spec sits in a JSON script tag next to their container.
function slikRenderCharts(root) {
  if (typeof vegaEmbed === "undefined") return;
  const base = slikChartConfig();
  const config = { ...base, ...slikChartColours(), aria: false, mark: { ...base.mark, aria: false } };
  const charts = [...root.querySelectorAll("[data-vega-spec]:not([data-chart])")];
  if (root.matches?.("[data-vega-spec]:not([data-chart])")) charts.push(root);
  charts.forEach((el) => {
    const spec = JSON.parse(document.getElementById(el.dataset.vegaSpec).textContent);
    // The Content Security Policy allows no eval and no injected <style>: Vega evaluates its
    // expressions with the interpreter (ast), and its default styles are in slik.css.
    const options = { actions: false, renderer: "svg", ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true } };
    el.dataset.chart = "drawing";
    vegaEmbed(el, spec, { ...options, config })
      .then(() => { slikNameChart(el); el.dataset.chart = "rendered"; })
      .catch(() => { el.dataset.chart = "failed"; })
      .finally(slikChartsSettled);
  });
  slikChartsSettled();
}
// A table wider than the screen scrolls inside its wrapper (WCAG 1.4.10 allows it for data
// tables); keyboard users must be able to reach and scroll it, so an overflowing wrapper is
// focusable and named after its table's caption.
function slikScrollRegions(root) {
  root.querySelectorAll(".slik-table-wrap, .slik-scroll").forEach((wrap) => {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.tabIndex = 0;
      const caption = wrap.querySelector("caption");
      if (caption && !wrap.hasAttribute("aria-label")) {
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption.textContent.trim());
      }
    } else if (wrap.tabIndex === 0) {
      wrap.removeAttribute("tabindex");
    }
  });
}
document.addEventListener("DOMContentLoaded", () => {
  slikRenderCharts(document);
  slikScrollRegions(document);
});
document.addEventListener("htmx:afterSettle", (event) => {
  slikRenderCharts(event.target);
  slikScrollRegions(event.target);
});
// Cheap enough to run on every resize event; <html data-viewport> then says which width the
// scroll regions were last fitted to (tests wait for it after resizing the window).
window.addEventListener("resize", () => {
  slikScrollRegions(document);
  document.documentElement.dataset.viewport = String(window.innerWidth);
});
