/**
 * Charts (st.line_chart, st.vega_lite_chart, st.altair_chart, st.plotly_chart...).
 *
 * Loaded only by pages showing a chart: the chart element names this module as
 * its asset, and the client calls `mount(el)` when the element is first shown
 * and after every patch that inserted or changed it. The element carries its
 * payload as JSON (`<script type="application/json">`) and the URLs of the
 * vendored libraries to draw it with (`data-rx-scripts`, classic scripts
 * loaded once per page, in order: Vega, Vega-Lite and vega-embed; or plotly.js).
 */

const scripts = new Map(); // url -> Promise of its load
const drawn = new WeakMap(); // .rx-chart-view -> {digest, finalize}

/** Load one classic script once (with the page's CSP nonce, when it has one). */
function loadScript(url) {
  if (!scripts.has(url)) {
    scripts.set(url, new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement("script"), { src: url, async: false });
      const nonce = document.querySelector("script[nonce]")?.nonce;
      if (nonce) script.nonce = nonce;
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => {
        scripts.delete(url);
        reject(new Error(`django_reactive: could not load ${url}`));
      });
      document.head.append(script);
    }));
  }
  return scripts.get(url);
}

async function loadScripts(urls) {
  for (const url of urls) await loadScript(url); // each needs the globals of the previous ones
}

/** The page's colours and font (the reactive.css variables), so charts follow light and dark mode. */
function palette(el) {
  const css = getComputedStyle(el);
  const read = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: read("--rx-fg", "#1f2328"),
    muted: read("--rx-muted", "#59636e"),
    border: read("--rx-border", "#d1d9e0"),
    font: read("--rx-font", "sans-serif"),
  };
}

// Streamlit's categorical colours, so ported charts keep their colours.
const CATEGORY = ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a",
  "#6d3fc0", "#d5dae5"];

function vegaTheme(el) {
  const { fg, muted, border, font } = palette(el);
  const text = { labelColor: muted, titleColor: fg, labelFont: font, titleFont: font, titleFontWeight: "normal" };
  return {
    background: null,
    font,
    view: { continuousWidth: 400, continuousHeight: 350, stroke: null },
    axis: { ...text, gridColor: border, domainColor: border, tickColor: border, labelFontSize: 12, titleFontSize: 12 },
    legend: { ...text, labelFontSize: 12, titleFontSize: 12 },
    title: { color: fg, font, fontSize: 16, anchor: "start" },
    header: { labelColor: muted, titleColor: fg, labelFont: font, titleFont: font },
    range: { category: CATEGORY },
    mark: { color: CATEGORY[0] },
  };
}

/** Draw with Vega-Lite; many points go to a canvas, as in Streamlit (SVG stays light up to 2,000). */
async function drawVegaLite(view, spec, themed) {
  const rows = Array.isArray(spec.data?.values) ? spec.data.values.length : 0;
  const result = await globalThis.vegaEmbed(view, spec, {
    mode: "vega-lite",
    actions: false,
    defaultStyle: false,
    renderer: rows > 2000 ? "canvas" : "svg",
    config: themed ? vegaTheme(view) : undefined,
  });
  return () => result.finalize();
}

async function drawPlotly(view, payload, themed) {
  const { figure, config, sizes, alt } = payload;
  const layout = { ...figure.layout };
  if (sizes.width) layout.width = sizes.width;
  if (sizes.height) layout.height = sizes.height;
  if (sizes.stretch) layout.autosize = true;
  if (themed) {
    const { fg, font } = palette(view);
    layout.font = { color: fg, family: font, ...layout.font };
    layout.paper_bgcolor ??= "rgba(0,0,0,0)";
  }
  if (alt) view.setAttribute("aria-label", alt);
  const Plotly = globalThis.Plotly;
  await Plotly.react(view, figure.data || [], layout, { displaylogo: false, responsive: sizes.stretch, ...config });
  return () => Plotly.purge(view);
}

/**
 * Draw the chart of one element, unless it already shows this payload (the
 * client also calls mount for unchanged elements inside a re-sent container).
 * @param {HTMLElement} el the element's wrapper
 */
export async function mount(el) {
  const chart = el.querySelector("[data-rx-chart]");
  const view = chart?.querySelector(".rx-chart-view");
  if (!view) return;
  const digest = chart.dataset.rxDigest;
  const current = drawn.get(view);
  if (current?.digest === digest && (current.pending || view.childElementCount)) return;
  current?.finalize?.();
  const entry = { digest, pending: true };
  drawn.set(view, entry);
  const payload = JSON.parse(chart.querySelector('script[type="application/json"]').textContent);
  await loadScripts(chart.dataset.rxScripts.split(" "));
  if (drawn.get(view) !== entry) return; // a newer payload arrived while the libraries loaded
  const themed = chart.dataset.rxTheme === "streamlit";
  const draw = chart.dataset.rxChart === "plotly" ? drawPlotly : drawVegaLite;
  try {
    entry.finalize = await draw(view, payload, themed);
  } finally {
    entry.pending = false;
  }
  if (drawn.get(view) === entry) chart.dataset.rxDrawn = digest;
}
