/* kr-charts.js: charts are drawn when they come into view, from the variant the build prepared for the
 * state (script.kr-figure-json, kulturensrige/figures.py); their height is reserved in the page, so nothing
 * moves. A click on a bar or a cell shows the book's own cards behind the number (template.kr-quote-store). */
((KR) => {
  let figures = [];

  /** The variant for a state: a chart without inferred ties, or with one view only, shows the nearest it has. */
  KR.variantKey = (variants, key) =>
    [key, key.replace(KR.data.withoutInferred, ""), KR.data.all].find((k) => k in variants) || Object.keys(variants)[0];

  /** Chart colours from the theme's CSS variables, so charts follow light and dark mode. */
  function themed(layout) {
    const style = window.getComputedStyle(document.documentElement);
    function get(name, fallback) { return (style.getPropertyValue(name) || "").trim() || fallback; }
    const text = get("--pst-color-text-base", "#4d4d4d");
    const grid = get("--pst-color-border", "#bdbdbd");
    layout.font = Object.assign({}, layout.font, { color: text });
    Object.keys(layout).concat(["xaxis", "yaxis"]).filter((k) => /^[xy]axis\d*$/.test(k)).forEach((k) => {
      layout[k] = Object.assign({}, layout[k], { gridcolor: grid, linecolor: grid, zerolinecolor: grid });
    });
    layout.modebar = { bgcolor: "rgba(0,0,0,0)", color: get("--pst-color-text-muted", "#6b6b6b"), activecolor: text };
    layout.hoverlabel = Object.assign({}, layout.hoverlabel, { font: { color: text }, bgcolor: get("--pst-color-surface", "#f3f4f5"), bordercolor: grid });
    return layout;
  }

  /** Show the variant's text alternative and table; draw it if the chart is in view. Resolves when drawn. */
  function draw(f, key) {
    const variantKey = KR.variantKey(f.payload.variants, key);
    f.figure.querySelectorAll("[data-variant]").forEach((node) => { node.hidden = !node.dataset.variant.split(" ").includes(variantKey); });
    const theme = document.documentElement.dataset.theme || "";
    if (!f.visible || !window.Plotly || f.drawn === variantKey + theme) return Promise.resolve();
    const variant = f.payload.variants[variantKey];
    const data = JSON.parse(JSON.stringify(f.payload.traces[variant.data]));
    const layout = themed(JSON.parse(JSON.stringify(f.payload.layouts[variant.layout])));
    if (typeof layout.template === "number") layout.template = f.payload.templates[layout.template]; // stored once
    const first = !f.drawn;
    f.drawn = variantKey + theme;
    return Promise.resolve(window.Plotly[first ? "newPlot" : "react"](f.plot, data, layout, f.payload.config)).then(() => {
      // Hidden from screen readers (the text and table say the same), not plotly's buttons; a chosen column in view.
      f.plot.removeAttribute("aria-hidden");
      f.plot.querySelectorAll(".main-svg").forEach((svg) => { svg.setAttribute("aria-hidden", "true"); });
      const frame = f.plot.closest(".kr-plot-frame");
      const mark = f.plot.querySelector(".shapelayer path");
      if (frame && mark) frame.scrollLeft += Math.max(0, mark.getBoundingClientRect().right - frame.getBoundingClientRect().right + 16);
      if (first && f.plot.on) f.plot.on("plotly_click", (event) => { showDrill(f, event.points[0]); });
    });
  }

  /** Redraw every chart in view for a key (hidden ones switch their text now and draw when they scroll in). */
  KR.updateCharts = (key) => Promise.all(figures.map((f) => draw(f, key)));

  KR.setupCharts = () => {
    figures = Array.from(document.querySelectorAll("figure.kr-figure"), (figure) => ({
      figure, plot: figure.querySelector(".kr-plot"), payload: JSON.parse(figure.querySelector("script.kr-figure-json").textContent),
    }));
    if (!window.Plotly) {
      document.querySelectorAll(".kr-plot-missing").forEach((note) => { note.hidden = false; });
      return figures.length;
    }
    const seen = new IntersectionObserver((entries) => {
      entries.forEach((entry) => {
        const f = figures.find((g) => g.figure === entry.target);
        if (entry.isIntersecting && !f.visible) {
          f.visible = true;
          draw(f, KR.keyOf(KR.state));
        }
      });
    }, { rootMargin: "200px" });
    figures.forEach((f) => { seen.observe(f.figure); });
    new MutationObserver(() => { KR.updateCharts(KR.keyOf(KR.state)); })
      .observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return figures.length;
  };

  /** What the build published for a clicked bar or cell: [quote ids, heading]; customdata holds its position. */
  KR.pointDrill = (drill, point) => {
    const at = point.pointNumber !== undefined ? point.pointNumber : point.pointIndex;
    const cell = point.customdata !== undefined ? point.customdata : Array.isArray(at) ? point.data.customdata[at[0]][at[1]] : point.data.customdata[at];
    return drill[cell] || ["", ""];
  };

  function showDrill(f, point) {
    const store = document.querySelector("template.kr-quote-store");
    const drill = f.figure.querySelector(".kr-drill");
    if (!store || !drill || !point) return;
    const [quoteIds, title] = KR.pointDrill(f.payload.drill, point);
    const ids = quoteIds.split(" ");
    const cards = [];
    store.content.querySelectorAll(".kr-quote").forEach((card) => {
      if (card.dataset.quotes.split(" ").some((id) => ids.indexOf(id) >= 0)) {
        const copy = card.cloneNode(true);
        copy.removeAttribute("id");
        copy.classList.add("kr-drill-card");
        copy.querySelectorAll("a[href]").forEach(KR.carry);
        cards.push(copy);
      }
    });
    const heading = drill.querySelector(".kr-drill-heading");
    heading.textContent = title; // written by the build (figures.shared_payload)
    const container = drill.querySelector(".kr-drill-cards");
    container.replaceChildren.apply(container, cards);
    KR.paginate(container, cards);
    drill.hidden = false;
    drill.querySelector(".kr-drill-close").onclick = () => {
      drill.hidden = true;
      f.figure.querySelector("figcaption").tabIndex = -1;
      f.figure.querySelector("figcaption").focus();
    };
    heading.focus();
  }
})(window.KR);
