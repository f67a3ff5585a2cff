/* kr-charts.js: charts are drawn when they come into view, from the variant the build prepared for the
 * state (script.kr-figure-json, kulturensrige/figures.py); their height is reserved in the page, so nothing
 * moves. plotly.js (1.5 MB, about half a second of a phone's main thread to start) is fetched only when a chart
 * is near the screen and the reader has begun to use the page, so the text comes first and stays responsive.
 * A click on a bar or a cell shows the book's own cards behind the number (template.kr-quote-store). */
((KR) => {
  let figures = [];
  // The book's own plotly.js bundle lies beside this script in _static/ (kulturensrige/sphinx_ext.py).
  const plotlyUrl = document.currentScript ? new URL("plotly.min.js", document.currentScript.src).href : "";
  // A reader who only looks (no scroll, touch or key) still gets the chart in view, this long after the load.
  const STILL_READER_MS = 3000;
  const STARTED_BY = ["scroll", "wheel", "touchstart", "pointerdown", "keydown", "focusin", "change"];
  let started = null;
  let plotly = null;
  let queue = Promise.resolve();

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

  /** Show the variant's text alternative and table; draw it if the chart is in view. Resolves true if it drew. */
  function draw(f, key) {
    const variantKey = KR.variantKey(f.payload.variants, key);
    f.figure.querySelectorAll("[data-variant]").forEach((node) => { node.hidden = !node.dataset.variant.split(" ").includes(variantKey); });
    const theme = document.documentElement.dataset.theme || "";
    if (!f.visible || !window.Plotly || f.drawn === variantKey + theme) return Promise.resolve(false);
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
      return true;
    });
  }

  /** Let the browser paint and answer input before the next chart: one chart per task. */
  function nextTask() {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { resolve(); };
      channel.port2.postMessage(null);
    });
  }

  /** Draws run one after another, each in a task of its own, in the order they were asked for. */
  function enqueue(f, key) {
    const run = queue.then(() => draw(f, key));
    queue = run.then((drew) => (drew ? nextTask() : undefined), () => undefined);
    return run;
  }

  /** plotly.js, fetched once, the first time a chart is wanted; rejects (and says so on the page) if it fails. */
  function loadPlotly() {
    plotly = plotly || new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = plotlyUrl;
      script.onload = () => { resolve(); };
      script.onerror = () => {
        document.querySelectorAll(".kr-plot-missing").forEach((note) => { note.hidden = false; });
        reject(new Error(`plotly.js kunne ikke indlæses: ${plotlyUrl}`));
      };
      document.head.appendChild(script);
    });
    return plotly;
  }

  /** Resolves when the reader first scrolls, touches, clicks or types, or a while after the page loaded. */
  function readerStarted() {
    started = started || new Promise((resolve) => {
      const go = () => {
        STARTED_BY.forEach((type) => { window.removeEventListener(type, go, true); });
        resolve();
      };
      STARTED_BY.forEach((type) => { window.addEventListener(type, go, { capture: true, passive: true }); });
      const afterLoad = () => { window.setTimeout(go, STILL_READER_MS); };
      if (document.readyState === "complete") afterLoad();
      else window.addEventListener("load", afterLoad, { once: true });
    });
    return started;
  }

  /** A chart came near the screen: once plotly.js is there, draw it for the current state. */
  function show(f) {
    f.visible = true;
    if (window.Plotly) return enqueue(f, KR.keyOf(KR.state));
    return readerStarted().then(loadPlotly).then(() => enqueue(f, KR.keyOf(KR.state)), () => undefined);
  }

  /** Redraw every chart in view for a key (hidden ones switch their text now and draw when they scroll in). */
  KR.updateCharts = (key) => Promise.all(figures.map((f) => enqueue(f, key)));

  KR.setupCharts = () => {
    figures = Array.from(document.querySelectorAll("figure.kr-figure"), (figure) => ({
      figure, plot: figure.querySelector(".kr-plot"), payload: JSON.parse(figure.querySelector("script.kr-figure-json").textContent),
    }));
    if (!figures.length) return 0;
    const seen = new IntersectionObserver((entries) => {
      entries.forEach((entry) => {
        const f = figures.find((g) => g.figure === entry.target);
        if (entry.isIntersecting && !f.visible) show(f);
      });
    }, { rootMargin: "200px" });
    figures.forEach((f) => { seen.observe(f.figure); });
    new MutationObserver(() => { KR.updateCharts(KR.keyOf(KR.state)); })
      .observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return figures.length;
  };

  /** The quote ids behind a clicked bar or cell: customdata holds a position in the figure's list of ids. */
  KR.pointIds = (quoteIds, point) => {
    const at = point.pointNumber !== undefined ? point.pointNumber : point.pointIndex;
    const cell = point.customdata !== undefined ? point.customdata : Array.isArray(at) ? point.data.customdata[at[0]][at[1]] : point.data.customdata[at];
    const ids = typeof cell === "number" ? quoteIds[cell] : cell;
    return String(ids || "").split(/\s+/).filter(Boolean);
  };

  function showDrill(f, point) {
    const store = document.querySelector("template.kr-quote-store");
    const drill = f.figure.querySelector(".kr-drill");
    if (!store || !drill || !point) return;
    const ids = KR.pointIds(f.payload.quoteIds, point);
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
    // The heading is the chart's own words: where the reader clicked and its hover count.
    const where = [point.y, point.data.type === "heatmap" ? point.x : point.data.name].map(KR.plainText).filter(Boolean);
    const heading = drill.querySelector(".kr-drill-heading");
    heading.textContent = `${where.join(" · ")}: ${KR.plainText(point.hovertext || point.text)}`;
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


  /** plotly labels arrive HTML-escaped from Python; turn them back into plain text without running anything. */
  KR.plainText = (label) => {
    const doc = new DOMParser().parseFromString(`<body>${String(label === undefined || label === null ? "" : label).replace(/<br\s*\/?>/gi, " ")}`, "text/html");
    return doc.body.textContent || "";
  };
})(window.KR);
