// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Ask before destructive actions that post straight from a list.
  document.body.addEventListener("submit", (event) => {
    const message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
});
// Norwegian number and date formats for the charts (d3-format / d3-time-format locales).
const SLIK_NUMBER_LOCALE = { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"] };
const SLIK_TIME_LOCALES = {
  nb: {
    dateTime: "%A %e. %B %Y kl. %X", date: "%d.%m.%Y", time: "%H:%M:%S", periods: ["", ""],
    days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    months: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
    shortMonths: ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
  },
  nn: {
    dateTime: "%A %e. %B %Y kl. %X", date: "%d.%m.%Y", time: "%H:%M:%S", periods: ["", ""],
    days: ["søndag", "måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag"],
    shortDays: ["søn", "mån", "tys", "ons", "tor", "fre", "lau"],
    months: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
    shortMonths: ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
  },
};
// Render Vega-Lite charts whose spec sits in a JSON script tag next to their container.
function slikRenderCharts(root) {
  if (typeof vegaEmbed === "undefined") return;
  const lang = document.documentElement.lang;
  const locale = SLIK_TIME_LOCALES[lang] ? { formatLocale: SLIK_NUMBER_LOCALE, timeFormatLocale: SLIK_TIME_LOCALES[lang] } : {};
  root.querySelectorAll("[data-vega-spec]").forEach((el) => {
    const spec = JSON.parse(document.getElementById(el.dataset.vegaSpec).textContent);
    // The Content Security Policy allows no eval and no injected <style>: Vega evaluates its
    // expressions with the interpreter (ast), and its default styles are in slik.css.
    const options = { actions: false, renderer: "svg", ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true } };
    vegaEmbed(el, spec, { ...options, ...locale }).then((result) => {
      const svg = el.querySelector("svg");
      if (svg) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", el.dataset.label || ""); }
    });
  });
}
document.addEventListener("DOMContentLoaded", () => slikRenderCharts(document));
document.addEventListener("htmx:afterSettle", (event) => slikRenderCharts(event.target));
