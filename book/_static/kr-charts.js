/* kr-charts.js: charts drawn from the variant the build prepared for the state (script.kr-figure-json,
 * figures.py) in the height kept for them. plotly.js (1.5 MB, half a second of a phone's main thread) comes only
 * when a chart is near the screen and the reader has scrolled, touched or typed (or 3 s after load); one chart per
 * task. A click shows the cards behind it. */
((KR) => {
  let [figures, queue, plotly, started, printing] = [[], Promise.resolve(), null, null, false];
  const plotlyUrl = document.currentScript ? new URL("plotly.min.js", document.currentScript.src).href : "";
  const STARTED_BY = ["scroll", "wheel", "touchstart", "pointerdown", "keydown", "focusin", "change"];
  /** The variant for a state: a chart without inferred ties, or with one view only, shows the nearest it has. */
  KR.variantKey = (variants, key) =>
    (KR.data.nearest[key] || [key]).find((k) => k in variants) || Object.keys(variants)[0];
  /** Chart colours from the theme's CSS variables, so charts follow light and dark mode. */
  function themed(layout) {
    const style = window.getComputedStyle(document.documentElement);
    const get = (name, fallback) => (style.getPropertyValue(name) || "").trim() || fallback;
    const [text, grid] = [get("--pst-color-text-base", "#4d4d4d"), get("--pst-color-border", "#bdbdbd")];
    layout.font = Object.assign({}, layout.font, { color: text });
    for (const k of Object.keys(layout)
      .concat(["xaxis", "yaxis"])
      .filter((k) => /^[xy]axis\d*$/.test(k)))
      layout[k] = Object.assign({}, layout[k], { gridcolor: grid, linecolor: grid, zerolinecolor: grid });
    layout.modebar = { bgcolor: "rgba(0,0,0,0)", color: get("--pst-color-text-muted", "#6b6b6b"), activecolor: text };
    layout.hoverlabel = Object.assign({}, layout.hoverlabel, {
      font: { color: text },
      bgcolor: get("--pst-color-surface", "#f3f4f5"),
      bordercolor: grid,
    });
    return layout;
  }
  /** Show the variant's text and table; draw it if the chart is near the screen or the page is printed, else clear
   * another variant's drawing (drawn again when it comes near): a choice waits only for the charts in view.
   * Resolves true if it drew. */
  function draw(f, key) {
    const variantKey = KR.variantKey(f.payload.variants, key);
    f.figure.querySelectorAll("[data-variant]").forEach((node) => {
      node.hidden = !node.dataset.variant.split(" ").includes(variantKey);
    });
    const theme = document.documentElement.dataset.theme || "";
    if (!window.Plotly || f.drawn === variantKey + theme || (!f.near && !printing && !f.drawn))
      return Promise.resolve(false);
    if (!f.near && !printing) {
      window.Plotly.purge(f.plot);
      f.plot.setAttribute("aria-hidden", "true");
      f.drawn = null;
      return Promise.resolve(false);
    }
    const variant = f.payload.variants[variantKey];
    const layout = themed(JSON.parse(JSON.stringify(f.payload.layouts[variant.layout])));
    if (typeof layout.template === "number") layout.template = f.payload.templates[layout.template]; // stored once
    const [first, data] = [!f.drawn, JSON.parse(JSON.stringify(f.payload.traces[variant.data]))];
    f.drawn = variantKey + theme;
    return Promise.resolve(window.Plotly[first ? "newPlot" : "react"](f.plot, data, layout, f.payload.config)).then(
      () => {
        // Hidden from screen readers (the text and table say the same), not plotly's buttons; a chosen column in view.
        f.plot.removeAttribute("aria-hidden");
        f.plot.querySelectorAll(".main-svg").forEach((svg) => {
          svg.setAttribute("aria-hidden", "true");
        });
        const [frame, mark] = [f.plot.closest(".kr-plot-frame"), f.plot.querySelector(".shapelayer path")];
        if (frame && mark)
          frame.scrollLeft += Math.max(
            0,
            mark.getBoundingClientRect().right - frame.getBoundingClientRect().right + 16,
          );
        if (first && f.plot.on)
          f.plot.on("plotly_click", (event) => {
            showDrill(f, event.points[0]);
          });
        return true;
      },
    );
  }
  /** Draws run in the order asked for; after each chart drawn the browser paints and answers input (a new task). */
  function enqueue(f, key) {
    const run = queue.then(() => draw(f, key));
    const nextTask = () =>
      new Promise((resolve) => {
        const c = new MessageChannel();
        c.port1.onmessage = () => resolve();
        c.port2.postMessage(0);
      });
    queue = run.then(
      (drew) => (drew ? nextTask() : undefined),
      () => undefined,
    );
    return run;
  }
  /** Resolves when the reader first scrolls, touches or types, or 3 s after the load (a chart in view still comes). */
  const readerStarted = () => {
    started ||= new Promise((resolve) => {
      STARTED_BY.forEach((type) => {
        window.addEventListener(type, () => resolve(), { capture: true, passive: true, once: true });
      });
      if (document.readyState === "complete") window.setTimeout(resolve, 3000);
      else window.addEventListener("load", () => window.setTimeout(resolve, 3000), { once: true });
    });
    return started;
  };
  /** plotly.js, fetched once; if it cannot be, the page says so under each chart. */
  const loadPlotly = () => {
    plotly ||= new Promise((resolve, reject) => {
      const missing = () => {
        document.querySelectorAll(".kr-plot-missing").forEach((note) => {
          note.hidden = false;
        });
        reject(new Error(plotlyUrl));
      };
      document.head.appendChild(
        Object.assign(document.createElement("script"), { src: plotlyUrl, onload: resolve, onerror: missing }),
      );
    });
    return plotly;
  };
  /** Redraw every chart near the screen for a key (the others switch their text now and draw when they come near). */
  KR.updateCharts = (key) => Promise.all(figures.map((f) => enqueue(f, key)));
  KR.setupCharts = () => {
    figures = Array.from(document.querySelectorAll("figure.kr-figure"), (figure) => ({
      figure,
      plot: figure.querySelector(".kr-plot"),
      payload: JSON.parse(figure.querySelector("script.kr-figure-json").textContent),
    }));
    const seen = new IntersectionObserver(
      (entries) =>
        entries.forEach((entry) => {
          const f = figures.find((g) => g.figure === entry.target);
          f.near = entry.isIntersecting;
          if (f.near)
            readerStarted()
              .then(loadPlotly)
              .then(
                () => enqueue(f, KR.keyOf(KR.state)),
                () => undefined,
              );
        }),
      { rootMargin: "200px" },
    );
    figures.forEach((f) => {
      seen.observe(f.figure);
    });
    new MutationObserver(() => {
      KR.updateCharts(KR.keyOf(KR.state));
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    window.addEventListener("beforeprint", () => {
      printing = true;
      figures.forEach((f) => {
        draw(f, KR.keyOf(KR.state));
      });
      printing = false;
    });
    return figures.length;
  };
  /** What the build published for a clicked bar or cell: [quote ids, heading]; customdata holds its position. */
  KR.pointDrill = (drill, point) => {
    const at = point.pointNumber !== undefined ? point.pointNumber : point.pointIndex;
    const cell =
      point.customdata !== undefined
        ? point.customdata
        : Array.isArray(at)
          ? point.data.customdata[at[0]][at[1]]
          : point.data.customdata[at];
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
