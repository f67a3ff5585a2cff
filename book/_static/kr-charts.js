/* kr-charts.js: charts drawn from the variant the build prepared for the state (script.kr-figure-json, figures.py) in
 * the height kept for them, which says "Figuren tegnes …" until then. plotly.js (1.2 MB; evaluating it is one long
 * task on a slow phone, BENCHMARKS.md) is not loaded with the page. Where the first view shows a chart (a quarter of
 * it), it comes in the first idle moment after the load, and that chart is drawn at once. Otherwise it comes in the
 * first idle moment after the reader has scrolled, touched or typed (or 3 s after load). Then every chart is drawn
 * ahead, nearest first, one per idle moment, so a chart is ready before the reader reaches it. A click shows the cards
 * behind it. */
((KR) => {
  let [figures, queue, plotly, started, printing, aheadRuns] = [[], Promise.resolve(), null, null, false, 0];
  let aheadTimer = 0; // drawAhead after a choice has stood AHEAD_AFTER_MS
  const plotlyUrl = document.currentScript ? new URL("plotly.min.js", document.currentScript.src).href : "";
  const STARTED_BY = ["scroll", "wheel", "touchstart", "pointerdown", "keydown", "focusin", "change"];
  const SEEN = 0.25; // the part of a chart's place in the first view that has plotly.js come with the page
  const NEAR_PX = 200; // how near the screen a chart is drawn: a fast scroll finds it ready
  const AHEAD_AFTER_MS = 1000; // after a choice, the far charts are drawn ahead once it has stood this long
  const columnsWaiting = new Set(); // tables of marks skipped at a choice: their column is shown when they come near
  const marksClose = new Set(); // the tables of marks near the screen (marksNear): laid out, not skipped
  /** The variant for a state: a chart without inferred ties, or with one view only, shows the nearest it has. */
  KR.variantKey = (variants, key) =>
    (KR.data.nearest[key] || [key]).find((k) => k in variants) || Object.keys(variants)[0];
  /** The theme's colours, read once per theme: read at each chart drawn after a choice, they recomputed the styles of
   * the page the choice had just changed (issue 24). */
  const colours = new Map();
  function coloursOf(theme) {
    if (!colours.has(theme)) {
      const style = window.getComputedStyle(document.documentElement);
      const get = (name, fallback) => (style.getPropertyValue(name) || "").trim() || fallback;
      colours.set(theme, {
        text: get("--pst-color-text-base", "#4d4d4d"),
        grid: get("--pst-color-border", "#bdbdbd"),
        muted: get("--pst-color-text-muted", "#6b6b6b"),
        surface: get("--pst-color-surface", "#f3f4f5"),
      });
    }
    return colours.get(theme);
  }
  /** Chart colours from the theme's CSS variables, so charts follow light and dark mode. */
  function themed(layout) {
    const { text, grid, muted, surface } = coloursOf(document.documentElement.dataset.theme || "");
    layout.font = Object.assign({}, layout.font, { color: text });
    for (const k of Object.keys(layout)
      .concat(["xaxis", "yaxis"])
      .filter((k) => /^[xy]axis\d*$/.test(k)))
      layout[k] = Object.assign({}, layout[k], { gridcolor: grid, linecolor: grid, zerolinecolor: grid });
    layout.modebar = { bgcolor: "rgba(0,0,0,0)", color: muted, activecolor: text };
    layout.hoverlabel = Object.assign({}, layout.hoverlabel, {
      font: { color: text },
      bgcolor: surface,
      bordercolor: grid,
    });
    return layout;
  }
  /** Show the variant's text and table; draw it if the chart is near the screen, drawn ahead or the page is printed,
   * else clear another variant's drawing (drawn again ahead, or when it comes near): a choice waits only for the charts
   * in view and never leaves one showing the previous choice. Resolves true if it drew. */
  function draw(f, key, ahead, close) {
    const variantKey = KR.variantKey(f.payload.variants, key);
    const waiting = sideOf(f, variantKey);
    return waiting
      ? waiting.then(
          () => show(f, variantKey, ahead, close),
          () => {
            KR.sideMissing(f.plot);
            return false;
          },
        )
      : show(f, variantKey, ahead, close);
  }
  /** A large chart keeps only its 'alle' variants on the page (figures.split_payload); the groups a variant names
   * (`side`) are loaded and merged in once. Null when there is nothing to wait for, so a print draws at once. */
  function sideOf(f, variantKey) {
    const groups = (f.payload.variants[variantKey].side || []).filter((group) => !f.merged.has(group));
    if (!groups.length) return null;
    return Promise.all(
      groups.map((group) => {
        const island = f.figure.querySelector(`script.kr-figure-side[data-kr-group="${CSS.escape(group)}"]`);
        island.krMerged ||= KR.side(island).then((part) => {
          for (const name of ["layouts", "traces"])
            for (const [i, value] of Object.entries(part[name])) f.payload[name][Number(i)] = value;
          f.figure.querySelector(".kr-alt").append(KR.parse(part.alts));
          f.figure.querySelector(".kr-alt").after(KR.parse(part.notes || ""));
          f.figure.querySelector("figcaption").append(KR.parse(part.titles || ""));
          f.merged.add(group);
        });
        return island.krMerged;
      }),
    );
  }
  /** A large chart's table waits in a side island of its group (figures.embed) until the reader opens the table. */
  function tablesOf(f) {
    const details = f.figure.querySelector(".kr-figure-data");
    const variantKey = KR.variantKey(f.payload.variants, KR.keyOf(KR.state));
    const group = f.payload.variants[variantKey].table;
    if (!details.open || group === undefined) return;
    const island = f.figure.querySelector(`script.kr-figure-tables[data-kr-group="${CSS.escape(group)}"]`);
    island.krMerged ||= KR.side(island).then(
      (html) => {
        details.append(KR.parse(html));
      },
      () => {
        KR.sideMissing(details);
      },
    );
    island.krMerged.then(() => {
      texts(f, KR.variantKey(f.payload.variants, KR.keyOf(KR.state)));
    });
  }
  function texts(f, variantKey) {
    f.figure.querySelectorAll("[data-variant]").forEach((node) => {
      node.hidden = !node.dataset.variant.split(" ").includes(variantKey);
    });
    // A view that marks nothing is drawn as with no choice (figures.Chart.payload "plain"): no key of faint bars.
    const key = f.figure.querySelector(".kr-legend-key");
    if (key)
      key.hidden =
        key.dataset.krChosen !== String(KR.state.kommune !== KR.data.all) || !!f.payload.variants[variantKey]?.plain;
  }
  /** `close`: whether the chart was near the screen when the choice was made (KR.updateCharts reads every chart's place
   * once, before the page changes); otherwise it is read here, before the chart's texts change. */
  function show(f, variantKey, ahead, close = near(f)) {
    texts(f, variantKey);
    tablesOf(f);
    const theme = document.documentElement.dataset.theme || "";
    const wanted = close || printing || ahead;
    if (!window.Plotly || f.drawn === drawingOf(f, variantKey) + theme || (!wanted && !f.drawn))
      return Promise.resolve(false);
    if (!wanted) {
      window.Plotly.purge(f.plot);
      f.plot.setAttribute("aria-hidden", "true");
      f.drawn = null;
      return Promise.resolve(false);
    }
    const variant = f.payload.variants[variantKey];
    const [first, data] = [!f.drawn, JSON.parse(JSON.stringify(f.payload.traces[variant.data]))];
    // A muted part has a marker for each theme (charts.muted_marker), a heatmap a scale and its counts their colours
    // (charts._heatmap): the trace carries the dark theme's.
    if (theme === "dark")
      for (const trace of data) {
        if (trace.meta?.muted) trace.marker = trace.meta.muted.dark;
        if (trace.meta?.dark) Object.assign(trace, trace.meta.dark);
      }
    const redrawn = first
      ? window.Plotly.newPlot(f.plot, data, layoutOf(f, variant), f.payload.config)
      : redraw(f, variant, theme, data);
    f.drawn = drawingOf(f, variantKey) + theme;
    f.shown = {
      layout: variant.layout,
      theme,
      keys: data.map(Object.keys),
      kinds: data.map(kindOf),
    };
    return Promise.resolve(redrawn).then(() => {
      // Hidden from screen readers (the text and table say the same), not plotly's buttons; a chosen column in view.
      f.plot.removeAttribute("aria-hidden");
      f.plot.querySelectorAll(".main-svg").forEach((svg) => {
        svg.setAttribute("aria-hidden", "true");
      });
      const [frame, mark] = [f.plot.closest(".kr-plot-frame"), f.plot.querySelector(".shapelayer path")];
      if (frame && mark)
        frame.scrollLeft += Math.max(0, mark.getBoundingClientRect().right - frame.getBoundingClientRect().right + 16);
      if (first && f.plot.on) f.plot.on("plotly_hover", () => window.requestAnimationFrame(() => fitHover(f.plot)));
      // Only a chart the build gave a drill panel opens one (a chart without customdata has none).
      if (first && f.plot.on && f.figure.querySelector(".kr-drill"))
        f.plot.on("plotly_click", (event) => {
          if (!event.points[0]) return;
          showDrill(f.figure, drillOf(f, event.points[0]));
          // The panel's heading says what the hover label said; after a tap the label stayed over the row's name
          // (reader review 18, #7: "Sundhedsområdet: 1 citat" over "Etablering af ”vi”").
          window.Plotly.Fx.unhover(f.plot);
        });
      return true;
    });
  }
  /** A variant's layout in the theme's colours, a copy plotly may change. */
  function layoutOf(f, variant) {
    const layout = themed(JSON.parse(JSON.stringify(f.payload.layouts[variant.layout])));
    if (typeof layout.template === "number") layout.template = f.payload.templates[layout.template]; // stored once
    return layout;
  }
  /** A trace's kind and direction. */
  const kindOf = (trace) => `${trace.type}/${trace.orientation}`;
  /** A drawn chart redrawn for another variant. Where the build gave the two the same layout and the same traces in
   * kind and direction (a municipality's bars after another's: the same bars, each piece's two parts counted anew),
   * only the traces are restyled, each attribute of the variant's traces set or, where it has none, cleared.
   * Plotly.react of the whole figure first took the config afresh, which looks the whole page over for a <base>
   * element, and compared the layout and its template with the drawn one's, only to draw the same layout (issue 24:
   * a national choice waited for it on a slow phone). A trace's kind and direction are never restyled: plotly then
   * sets its axes to autorange, and the bars listed from the top stood upside down. Otherwise the figure is drawn
   * anew by Plotly.react, with the config it was first drawn with (the build gives a chart one). */
  function redraw(f, variant, theme, data) {
    if (
      f.shown.layout !== variant.layout ||
      f.shown.theme !== theme ||
      f.shown.kinds.join() !== data.map(kindOf).join()
    )
      return window.Plotly.react(f.plot, data, layoutOf(f, variant));
    const update = {};
    for (const key of new Set([...f.shown.keys.flat(), ...data.flatMap(Object.keys)]))
      if (key !== "type" && key !== "orientation")
        update[key] = data.map((trace) => (key in trace ? trace[key] : null));
    return window.Plotly.restyle(
      f.plot,
      update,
      data.map((_, i) => i),
    );
  }
  /** plotly puts a hover label beside its point and, on a narrow chart, past the chart's edge, where it was cut
   * ("uners indsatser: …", issue 22, reader 17 phone #4): the label is moved sideways into what the chart shows (its
   * drawing, within the frame a wide heatmap scrolls in), beside its point's row. */
  function fitHover(plot) {
    const svg = plot.querySelector(".main-svg")?.getBoundingClientRect();
    if (!svg) return;
    const frame = plot.closest(".kr-plot-frame")?.getBoundingClientRect() ?? svg;
    const [left, right] = [Math.max(svg.left, frame.left) + 2, Math.min(svg.right, frame.right) - 2];
    for (const label of plot.querySelectorAll(".hoverlayer .hovertext")) {
      const box = label.getBoundingClientRect();
      const by =
        box.left < left ? left - box.left : box.right > right ? Math.max(right - box.right, left - box.left) : 0;
      if (!by) continue;
      const placed = label.transform.baseVal.consolidate(); // plotly's translate(x, y)
      if (placed)
        label.transform.baseVal.initialize(
          label.ownerSVGElement.createSVGTransformFromMatrix(placed.matrix.translate(by, 0)),
        );
    }
  }
  /** Whether a chart is on the screen or within 200 px of it now, read from its box: the observer that draws a chart
   * coming near may not have run yet when a choice follows a scroll at once. */
  function near(f) {
    const box = f.figure.getBoundingClientRect();
    return box.bottom > -NEAR_PX && box.top < window.innerHeight + NEAR_PX;
  }
  /** What a variant draws: its layout and its traces (figures.py stores each once). Two choices that draw the same
   * (a municipality the chart does not mark is drawn as with no choice) leave the chart as it is: no redraw. */
  function drawingOf(f, variantKey) {
    const variant = f.payload.variants[variantKey];
    return `${variant.layout}/${variant.data}`;
  }
  /** Draws run in the order asked for; after each chart drawn the browser paints and answers input (a new task). */
  function enqueue(f, key, ahead, close) {
    const run = queue.then(() => draw(f, key, ahead, close));
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
  /** Resolves when the reader first scrolls, touches or types, or 3 s after the load. Only the page's own scroll
   * counts: a table of marks scrolls by itself as its columns snap into place when it is laid out. */
  const readerStarted = () => {
    started ||= new Promise((resolve) => {
      const begin = (event) => {
        if (event.type === "scroll" && event.target !== document) return;
        STARTED_BY.forEach((type) => {
          window.removeEventListener(type, begin, { capture: true });
        });
        resolve();
      };
      STARTED_BY.forEach((type) => {
        window.addEventListener(type, begin, { capture: true, passive: true });
      });
      if (document.readyState === "complete") window.setTimeout(resolve, 3000);
      else window.addEventListener("load", () => window.setTimeout(resolve, 3000), { once: true });
    });
    return started;
  };
  /** fn when the browser is idle (at most a second from now); Safari has no requestIdleCallback. */
  const whenIdle = (fn) =>
    window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 1000 }) : window.setTimeout(fn, 50);
  /** Resolves in the first idle moment after the load: the page's own text and images come first. */
  const loaded = () =>
    new Promise((resolve) => {
      const idle = () => whenIdle(() => resolve());
      if (document.readyState === "complete") idle();
      else window.addEventListener("load", idle, { once: true });
    });
  /** The charts not drawn for the state, nearest the screen first, each drawn in an idle moment of its own (a chart
   * that comes near meanwhile is drawn at once by the observer); a chart not laid out (in a closed part) waits. Run
   * once plotly.js is there and after each choice; a later run ends the one before. */
  function drawAhead(run = ++aheadRuns) {
    const key = KR.keyOf(KR.state);
    const theme = document.documentElement.dataset.theme || "";
    const distance = (f) => {
      const box = f.figure.getBoundingClientRect();
      return Math.max(0, box.top - window.innerHeight, -box.bottom);
    };
    const next = figures
      .filter((f) => f.tried !== run && f.plot.offsetWidth > 0)
      .filter((f) => f.drawn !== drawingOf(f, KR.variantKey(f.payload.variants, key)) + theme)
      .sort((a, b) => distance(a) - distance(b))[0];
    if (!window.Plotly || !next) return;
    next.tried = run;
    whenIdle(() => {
      if (run === aheadRuns)
        enqueue(next, key, true).then(
          () => drawAhead(run),
          () => undefined,
        );
    });
  }
  /** plotly.js, fetched once; if it cannot be, the page says so under each chart. */
  const loadPlotly = () => {
    plotly ||= new Promise((resolve, reject) => {
      const missing = () => {
        document.querySelectorAll(".kr-plot-missing").forEach((note) => {
          note.hidden = false;
        });
        document.querySelectorAll(".kr-plot-waiting").forEach((note) => {
          note.hidden = true;
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
  /** A table of marks wider than the screen scrolls only as far as the chosen column needs to be seen whole: a
   * column already in view moves nothing, so no other municipality slides under the fixed names.
   * A table the browser skips while it is far from the screen (kr-marks-laid-out) is left alone: reading its columns
   * would lay out all of it now. It shows the column when it comes near (setupCharts). */
  function showChosenColumns() {
    document.querySelectorAll(".kr-marks-wrap").forEach((wrap) => {
      // Whether the table is near comes from its observer (marksNear), not from the browser's check of it
      // (checkVisibility), which laid out the page a choice had just changed (issue 24). A table not yet laid out
      // whole (a page opened with a choice) is never skipped: its column is shown now.
      if (KR.skipped(wrap)) columnsWaiting.add(wrap);
      else showChosenColumn(wrap);
    });
  }
  function showChosenColumn(wrap) {
    columnsWaiting.delete(wrap);
    const chosen = wrap.querySelector(`thead>tr>th[data-kr-mark="${CSS.escape(KR.state.kommune)}"]`);
    if (!chosen) return;
    const names = wrap.querySelector("thead>tr>:first-child").offsetWidth;
    const left = chosen.offsetLeft - names;
    const right = chosen.offsetLeft + chosen.offsetWidth - wrap.clientWidth;
    // the columns snap beside the names: stop at the first column edge that shows the chosen column whole
    const stops = [...wrap.querySelectorAll("thead>tr>th[data-kr-mark]")].map((h) => h.offsetLeft - names);
    if (wrap.scrollLeft > left) wrap.scrollLeft = left;
    else if (wrap.scrollLeft < right) wrap.scrollLeft = stops.find((stop) => stop >= right) ?? wrap.scrollWidth;
  }
  /** Every chart's part for a key (a large chart's side file), asked for at once: a choice calls it first, so the
   * file arrives while the lists and marks are switched, not after. */
  KR.loadChartParts = (key) => {
    for (const f of figures) sideOf(f, KR.variantKey(f.payload.variants, key));
  };
  KR.showChosenColumns = showChosenColumns;
  /** Whether the browser skips a node far from the screen: it lies in a table of marks laid out whole once and now far
   * from the screen (kr-marks-laid-out, content-visibility: auto), as its observer (marksNear) last saw it. Such a node
   * is not on the screen, and reading its box or its visibility lays out or restyles the whole table first. */
  KR.skipped = (node) => {
    const figure = node.closest(".kr-marks-figure");
    return Boolean(figure?.classList.contains("kr-marks-laid-out") && !marksClose.has(figure));
  };
  /** Which charts are near the screen, read for all at once: a choice reads them before it changes the page, so that
   * no chart's place is read between its changes (each read then laid the changed page out again: issue 24). A chart
   * that comes near only as the page changes is drawn by the observer, and drawn ahead. */
  KR.chartsNear = () => new Set(figures.filter(near));
  KR.updateCharts = (key, close) => {
    KR.loadChartParts(key); // drawn in turn
    showChosenColumns();
    // The charts far from the screen are drawn ahead only once the choice has stood a moment: a reader stepping
    // through the municipalities (arrow keys in the list) waited for each far chart drawn for the one before.
    aheadRuns++; // ends a run still drawing for the choice before
    window.clearTimeout(aheadTimer);
    return Promise.all(figures.map((f) => enqueue(f, key, false, close?.has(f)))).then((drew) => {
      aheadTimer = window.setTimeout(() => drawAhead(), AHEAD_AFTER_MS);
      return drew;
    });
  };
  KR.setupCharts = () => {
    figures = Array.from(document.querySelectorAll("figure.kr-figure"), (figure) => ({
      figure,
      plot: figure.querySelector(".kr-plot"),
      payload: JSON.parse(figure.querySelector("script.kr-figure-json").textContent),
      merged: new Set(),
    }));
    // Whether the first view shows a quarter of a chart's place or more: then plotly.js comes right after the load and
    // that chart is drawn at once, so a reader who only reads the top of the page never looks at an empty chart. A
    // chart that only peeks in at the foot of the screen waits, with its "Figuren tegnes …", for the reader to scroll:
    // evaluating plotly.js with the page costs a slow phone about half a second of blocked input (BENCHMARKS.md).
    const firstView = new Promise((resolve) => {
      const look = new IntersectionObserver(
        (entries) => {
          look.disconnect();
          resolve(entries.some((entry) => entry.intersectionRatio >= SEEN) ? loaded() : readerStarted());
        },
        { threshold: SEEN },
      );
      figures.forEach((f) => {
        look.observe(f.plot);
      });
    });
    const seen = new IntersectionObserver(
      (entries) => {
        entries.forEach((entry) => {
          const f = figures.find((g) => g.figure === entry.target);
          if (entry.isIntersecting)
            firstView.then(loadPlotly).then(
              () => enqueue(f, KR.keyOf(KR.state)),
              () => undefined,
            );
        });
      },
      { rootMargin: `${NEAR_PX}px` },
    );
    figures.forEach((f) => {
      seen.observe(f.figure);
      f.figure.querySelector(".kr-figure-data").addEventListener("toggle", () => {
        tablesOf(f);
      });
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
    // A table of marks (figures.marks_embed): a mark's button shows the cards behind it, named as the button is. A
    // large one's rows wait in side islands until it comes near the screen or is filled ahead.
    const marks = Array.from(document.querySelectorAll(".kr-marks-figure"));
    const marksSeen = new IntersectionObserver(
      (entries) =>
        entries.forEach((entry) => {
          if (!entry.isIntersecting) return;
          marksSeen.unobserve(entry.target);
          fillMarks(entry.target);
        }),
      { rootMargin: "200px" },
    );
    // A table skipped at a choice shows its chosen column as it comes into view (the browser lays it out before, within
    // half a screen of it).
    const marksNear = new IntersectionObserver(
      (entries) =>
        entries.forEach((entry) => {
          if (!entry.isIntersecting) {
            marksClose.delete(entry.target);
            return;
          }
          marksClose.add(entry.target);
          KR.arrangeWaiting(entry.target);
          entry.target.querySelectorAll(".kr-marks-wrap").forEach((wrap) => {
            if (columnsWaiting.has(wrap)) showChosenColumn(wrap);
          });
        }),
      { rootMargin: "25%" },
    );
    if (marks.length) stickNames();
    marks.forEach((figure) => {
      marksSeen.observe(figure);
      marksNear.observe(figure);
      figure.addEventListener("click", (event) => {
        const mark = event.target.closest("button.kr-mark");
        if (mark) showDrill(figure, Promise.resolve([mark.dataset.krIds, mark.getAttribute("aria-label")]), mark);
      });
    });
    // Once the reader has begun, in idle moments: the tables' rows (which move what is below them), then plotly.js
    // and every chart drawn ahead.
    readerStarted()
      .then(() =>
        marks.reduce(
          (done, figure) => done.then(() => new Promise((next) => whenIdle(next)).then(() => fillMarks(figure))),
          Promise.resolve(),
        ),
      )
      .then(() => {
        if (figures.length)
          whenIdle(() => {
            loadPlotly().then(
              () => drawAhead(),
              () => undefined,
            );
          });
      });
    return figures.length;
  };
  /** A long table of marks keeps its column names in view (issue 22, reader 17 #2: partway down a long table the
   * marks stood without names, and the table's own head, met again, lay clipped under the header and the bar). While
   * the table's head is cut by the sticky bar or gone under it and rows remain under it, a copy of the head (small
   * type on end, kommunefilter.css) lies fixed right under the bar, as wide as the table's frame and scrolled sideways
   * with it; the chosen column is marked there as in the table (data-kr-mark, KR.updateMarks). On a phone a table
   * draws no head (each mark names its municipality: kommunefilter.css, ADR 67) and has no copy. Only a table crossing
   * the bar is measured. */
  function stickNames() {
    const bar = document.querySelector("section.kr-filter");
    const header = document.querySelector(".bd-header-article");
    const strips = new Map(); // a table's frame -> its strip, made when first needed
    const copy = (wrap, strip) => {
      const head = wrap.querySelector("thead");
      const table = strip.firstElementChild;
      table.replaceChildren(head.cloneNode(true));
      // A long name breaks at the joints the build marked (marks.html.j2), so the names take little height on a phone.
      for (const name of table.querySelectorAll(".kr-marks-name[data-kr-broken]"))
        name.textContent = name.dataset.krBroken;
      table.style.width = CSS.px(head.parentElement.getBoundingClientRect().width).toString();
      const widths = [...head.rows[0].cells].map((cell) => cell.getBoundingClientRect().width);
      [...table.tHead.rows[0].cells].forEach((cell, i) => {
        cell.style.width = CSS.px(widths[i]).toString();
      });
      strip.krWidth = wrap.clientWidth;
    };
    const stripOf = (wrap) => {
      let strip = strips.get(wrap);
      if (strip && strip.krWidth === wrap.clientWidth) return strip;
      if (!strip) {
        strip = Object.assign(document.createElement("div"), { className: "kr-marks-names", hidden: true });
        strip.setAttribute("aria-hidden", "true");
        strip.append(Object.assign(document.createElement("table"), { className: "kr-marks" }));
        document.body.append(strip); // fixed to the screen: the table's figure contains its layout (content-visibility)
        strips.set(wrap, strip);
        wrap.addEventListener("scroll", () => slide(wrap, strip), { passive: true });
      }
      copy(wrap, strip);
      return strip;
    };
    // Where the table stands in its frame, sideways too, the names' corner staying where the table's fixed row names
    // are.
    const slide = (wrap, strip) => {
      const table = strip.firstElementChild;
      const by = wrap.querySelector("table").getBoundingClientRect().left - strip.getBoundingClientRect().left;
      table.style.transform = `translateX(${by}px)`;
      const corner = table.tHead?.rows[0].cells[0];
      if (corner) corner.style.transform = `translateX(${Math.max(0, -by)}px)`;
    };
    let pending = false;
    const update = () => {
      pending = false;
      const box = bar.getBoundingClientRect();
      const shift = new DOMMatrixReadOnly(getComputedStyle(bar).transform).m42; // the bar sliding with the header
      const line = box.bottom - shift; // the bar's foot with the header in place
      const foot = line - (header ? header.getBoundingClientRect().height : 0); // and with the header away
      for (const wrap of document.querySelectorAll(".kr-marks-wrap")) {
        // A table far from the screen is skipped by the browser (content-visibility): its own box is read only when its
        // figure crosses the bar, as reading it laid the whole table out at once (98 columns at national scale: 50 ms
        // of each frame after a choice on a slow phone, issue 24).
        const figure = wrap.closest(".kr-marks-figure")?.getBoundingClientRect();
        const frame = !figure || (figure.top < line && figure.bottom > foot) ? wrap.getBoundingClientRect() : figure;
        const crossing = frame.top < line && frame.bottom > foot;
        const strip = strips.get(wrap);
        // A table read as lines on a phone (kommunefilter.css) draws no head: its blocks name their columns.
        if (!crossing || !wrap.querySelector("thead")?.getClientRects().length) {
          if (strip && !strip.hidden) strip.hidden = true;
          continue;
        }
        const rows = wrap.querySelector("tbody").getBoundingClientRect();
        const head = wrap.querySelector("thead").getBoundingClientRect();
        const under = head.top < box.bottom - 1; // its head cut or gone
        const shown = stripOf(wrap);
        shown.style.left = CSS.px(frame.left + wrap.clientLeft).toString();
        shown.style.width = CSS.px(wrap.clientWidth).toString();
        shown.hidden = !under;
        if (!shown.hidden) {
          const names = shown.firstElementChild.getBoundingClientRect().height; // the strip less its shadow's room
          // The copy lies over the head's foot until the head has less room than the copy, then stays under the bar as
          // a sticky head would; the room above it, down from the bar, is painted over (--kr-over-head). It never lies
          // over the rows with the head's own names showing under it (reader review 20: the names twice, and the top
          // row's name under them). Measured from the bar's foot on the screen: the copy slides with the bar.
          const over = Math.max(0, head.bottom - box.bottom - names);
          shown.style.top = CSS.px(line).toString();
          shown.style.setProperty("--kr-over-head", CSS.px(over).toString());
          slide(wrap, shown);
          // Where the rows end (the names again at the foot, or the text after the table), the strip steps aside; so
          // it does while a tapped mark's open panel passes where it lies: it covered the panel's heading and "Luk"
          // (reader review 24, #9). The names come back with the rows under the panel.
          const panel = wrap.querySelector("tr.kr-drill-row .kr-drill:not([hidden])")?.getBoundingClientRect();
          const across = panel && panel.top < line + names && panel.bottom > line;
          shown.hidden = across || rows.bottom < box.bottom + shown.getBoundingClientRect().height;
        }
      }
    };
    const schedule = () => {
      if (!pending) window.requestAnimationFrame(update);
      pending = true;
    };
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    bar.addEventListener("transitionend", schedule);
    document.addEventListener("kr:filtered", schedule);
  }
  /** A large table of marks' rows from its side islands, put in once (resolves when they are, or cannot be). Two
   * frames after, once the browser has laid the whole table out and kept its size, the table may be skipped while it
   * is far from the screen (kr-marks-laid-out, kommunefilter.css), at that size: nothing below it moves. */
  function fillMarks(figure) {
    const islands = Array.from(figure.querySelectorAll(":scope > script.kr-marks-rows"));
    const laidOut = () =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          figure.classList.add("kr-marks-laid-out");
        }),
      );
    figure.krFilled ||= (
      islands.length
        ? Promise.all(islands.map(KR.side)).then(
            (parts) => {
              figure.querySelector("tbody").append(...parts.map(KR.parse));
              for (const island of islands) island.remove();
              KR.updateMarks(KR.state);
              showChosenColumns();
            },
            () => {
              KR.sideMissing(figure.querySelector(".kr-marks-wrap"));
            },
          )
        : Promise.resolve()
    ).then(laidOut);
    return figure.krFilled;
  }
  /** The position of a clicked bar's or cell's drill-through in the build's list of them; customdata holds it. */
  KR.pointCell = (point) => {
    const at = point.pointNumber !== undefined ? point.pointNumber : point.pointIndex;
    return point.customdata !== undefined
      ? point.customdata
      : Array.isArray(at)
        ? point.data.customdata[at[0]][at[1]]
        : point.data.customdata[at];
  };
  /** What the build published for a clicked bar or cell: [quote ids, heading]. */
  KR.pointDrill = (drill, point) => drill[KR.pointCell(point)] || ["", ""];
  /** The same, as a promise: a large chart's cells wait in side islands, each from its data-kr-first on
   * (figures._drill_islands). */
  function drillOf(f, point) {
    if (Array.isArray(f.payload.drill)) return Promise.resolve(KR.pointDrill(f.payload.drill, point));
    const cell = KR.pointCell(point);
    const island = Array.from(f.figure.querySelectorAll("script.kr-figure-drill"))
      .filter((i) => Number(i.dataset.krFirst) <= cell)
      .pop();
    return island
      ? KR.side(island).then((cells) => cells[cell - Number(island.dataset.krFirst)] || ["", ""])
      : Promise.resolve(["", ""]);
  }

  /** The cards behind a bar, cell or mark (`cell`: a promise of [ids, heading]), from the page's store that the
   * panel names (cards.quote_store, cards.initiative_store): its index says which cards hold the ids, and only the
   * cards shown are loaded, a page of them at a time. A cell with none says so in its line, and opens no panel.
   * `mark`: the tapped button of a table of marks, under whose row the panel opens (placeDrill). */
  function showDrill(figure, cell, mark) {
    const drill = figure.querySelector(".kr-drill");
    const [store, none] = [document.querySelector(`.${drill.dataset.krStore}`), figure.querySelector(".kr-drill-none")];
    if (!store) return;
    store.krCards ||= KR.rowCards(store.querySelector("template.kr-list-card"), KR.rowIslands(store), (card) => {
      card.removeAttribute("id");
      card.classList.add("kr-drill-card");
      card.querySelectorAll("a[href]").forEach(KR.carry);
      return card;
    });
    const shown = {}; // a later click wins over one still loading
    drill.krShown = shown;
    drill.krReady = Promise.all([cell, KR.side(store.querySelector("script.kr-store-index"))])
      .then(([[itemIds, title, kinds], index]) => {
        const ids = new Set(itemIds.split(" ").filter(Boolean));
        const positions = index.flatMap((items, i) => (items.split(" ").some((id) => ids.has(id)) ? [i] : []));
        // The first page's rows are loaded first, so the cards show filled.
        return Promise.all(positions.slice(0, KR.data.pageSize).map((i) => KR.side(store.krCards[i].island))).then(
          () => {
            if (drill.krShown !== shown) return;
            none.hidden = positions.length > 0;
            none.textContent = title; // written by the build (figures.shared_payload, charts.py), as the heading
            if (!positions.length) {
              drill.hidden = true;
              return;
            }
            const heading = drill.querySelector(".kr-drill-heading");
            heading.textContent = title;
            // Whose its cards' kinds are, once after them (ADR 70): the build writes it per cell (cards.drill_note).
            const note = drill.querySelector(".kr-drill-kinds");
            if (note) {
              note.textContent = kinds || "";
              note.hidden = !kinds;
            }
            KR.paginate(drill.querySelector(".kr-drill-cards"), positions, (k) => store.krCards[positions[k]]());
            // In the next frame, once the cards are filled from their rows (KR.rowCards, a moment after they show), and
            // before openDrill measures where the page goes.
            window.requestAnimationFrame(() => markCounted(drill, ids));
            // One panel open at a time: a bar's panel left open above a cell's read as the cell's.
            for (const other of document.querySelectorAll(".kr-drill")) {
              if (other !== drill && !other.hidden) homeDrill(other);
              other.hidden = other !== drill;
            }
            placeDrill(drill, mark);
            openDrill(figure, drill, heading, mark);
          },
        );
      })
      .catch(() => {
        KR.sideMissing(drill.querySelector(".kr-drill-cards"));
        drill.hidden = false;
      });
  }
  /** In an exchange's card, the turns the clicked number counts (the build's ids; a card's data-quotes name its turns
   * in their order) are marked, and the build's line in the panel says what the mark is, shown only where a card is
   * marked so (reader review 24, #10: the counted turn stood unmarked under another speaker's). */
  function markCounted(drill, ids) {
    let marked = false;
    for (const card of drill.querySelectorAll(".kr-drill-cards .kr-card[data-quotes]")) {
      const turns = card.dataset.quotes.split(" ");
      card.querySelectorAll(".kr-quote-text > .kr-turn").forEach((turn, k) => {
        turn.classList.toggle("kr-turn-counted", ids.has(turns[k]));
        marked ||= ids.has(turns[k]);
      });
    }
    const note = drill.querySelector(".kr-drill-counted");
    if (note) note.hidden = !marked;
  }
  /** The open panel as a step in the reader's history: {drill, figure, y} (y: where the page stood before it opened).
   * Opening a panel adds an entry to the history (same address, history.state.krDrill), so the browser's Back closes
   * the panel and leaves the reader where they were; Back again leaves the page. "Luk" steps back over that entry, so
   * none is left behind for Back to spend doing nothing (reader review 5). */
  let openStep = null;
  const inDrillStep = () => Boolean(window.history.state?.krDrill);
  function closeDrill(step, restore) {
    step.drill.hidden = true;
    homeDrill(step.drill);
    if (restore) window.scrollTo({ top: step.y, behavior: "instant" });
    // Back to the tapped mark of a table of marks, or to the chart's title.
    const back = step.mark?.isConnected ? step.mark : step.figure.querySelector("figcaption");
    if (back.tagName !== "BUTTON") back.tabIndex = -1;
    back.focus({ preventScroll: restore });
  }
  /** A table of marks' panel opens in a row of its own right under the tapped mark's row (issue 22: under the whole
   * table, a tap high in a long one scrolled the page about 1,200 px, and the reader lost their place). The row spans
   * the table; the panel in it is as wide as the table's frame and stays in it while the columns scroll sideways. */
  function placeDrill(drill, mark) {
    const row = mark?.closest("tr");
    if (!row) return;
    const [wrap, table] = [row.closest(".kr-marks-wrap"), row.closest("table")];
    // No wider than the table (a wider panel would widen its columns), nor than its frame.
    const width = Math.min(wrap.clientWidth, table.getBoundingClientRect().width);
    let place = drill.closest("tr.kr-drill-row");
    if (!place) {
      place = document.createElement("tr");
      place.className = "kr-drill-row";
      place.append(document.createElement("td"));
      place.firstChild.append(drill);
    }
    place.firstChild.colSpan = row.cells.length;
    drill.style.width = CSS.px(width).toString();
    if (row.nextElementSibling !== place) row.after(place);
  }
  /** A panel moved under a row goes back to its place under the table, and its row goes. */
  function homeDrill(drill) {
    const place = drill.closest("tr.kr-drill-row");
    if (!place) return;
    place.closest("figure").querySelector(".kr-drill-none").after(drill);
    drill.style.width = "";
    place.remove();
  }
  let afterStepBack = null; // what waits for the step back over a panel's entry (KR.leaveDrill)
  window.addEventListener("popstate", () => {
    if (inDrillStep() || !openStep) return;
    const [step, then] = [openStep, afterStepBack];
    [openStep, afterStepBack] = [null, null];
    if (!then) {
      if (!step.drill.hidden) closeDrill(step, true);
      return;
    }
    // A choice: made in the page's own entry, and the open panel, whose cards the choice marks as it marks the rest,
    // stays open in a new entry of its own (issue 22: a choice closed it and the page shrank 2,900 px under the
    // reader).
    // In the next frame: the step back scrolls the page to where it stood when the panel opened, after this event,
    // and the choice then puts the reader's place back (kr-filter.js readersPlace, read before the step).
    window.requestAnimationFrame(() => {
      then();
      if (step.drill.hidden) return;
      try {
        window.history.pushState({ ...window.history.state, krDrill: true }, "");
        openStep = step;
      } catch (_error) {
        // a browser that refuses: "Luk" alone closes the panel
      }
    });
  });
  /** Before the page changes its choice: the open panel's entry is stepped back over first, then `then` runs and the
   * panel's entry is taken again; false if no panel's entry is the current one (`then` is not run). */
  KR.leaveDrill = (then) => {
    if (!inDrillStep() || !openStep) return false;
    afterStepBack = then;
    window.history.back();
    return true;
  };
  /** "Luk" at the panel's head and foot closes it and takes the focus back to the figure's title. */
  function openDrill(figure, drill, heading, mark) {
    if (!openStep || !inDrillStep()) {
      openStep = { drill, figure, mark, y: window.scrollY };
      try {
        window.history.pushState({ ...window.history.state, krDrill: true }, "");
      } catch (_error) {
        openStep = null; // a browser that refuses: "Luk" alone closes the panel
      }
    } else {
      openStep = { ...openStep, drill, figure, mark }; // another panel in the same step: Back returns to where it began
    }
    const close = () => {
      if (openStep?.drill === drill && inDrillStep()) window.history.back();
      else closeDrill({ drill, figure, mark }, false);
    };
    drill.querySelectorAll(".kr-drill-close").forEach((button) => {
      button.onclick = close;
    });
    // Escape closes it as "Luk" does, wherever the focus is in the panel (reader 17).
    drill.onkeydown = (event) => {
      if (event.key === "Escape" && !drill.hidden) close();
    };
    // The panel opens below the chart, where it is, and the page glides up until its first card stands whole above the
    // window's foot (issue 22: at a desk only the heading showed, and the reader saw no card); a card taller than the
    // screen left free stands from the panel's heading down, under the sticky bar. The chart stays in view as far as
    // that allows. Gliding unless the reader prefers less motion; the focus moves without a scroll.
    // Measured once the panel is laid out with its cards (two frames: their parts are filled in the first).
    window.requestAnimationFrame(() =>
      window.requestAnimationFrame(() => {
        const box = drill.getBoundingClientRect();
        const free = Math.max(0, document.querySelector("section.kr-filter")?.getBoundingClientRect().bottom ?? 0);
        const card = drill.querySelector(".kr-drill-cards > *")?.getBoundingClientRect();
        // A counted turn of an exchange (markCounted) is brought whole into view, under the panel's heading if both
        // fit.
        const counted = drill.querySelector(".kr-turn-counted")?.getBoundingClientRect();
        // With no card yet (still coming), the panel's own foot.
        const foot = counted ? counted.bottom : card ? card.bottom : box.bottom;
        // A tapped mark's row stays in view too, below the table's names that stick under the bar (stickNames).
        const row = mark?.closest("tr")?.getBoundingClientRect();
        const names = mark?.closest("table").tHead.getBoundingClientRect().height ?? 0;
        const by = Math.min(
          foot + 16 - window.innerHeight,
          (counted ? counted.top : box.top) - free - 8,
          row ? row.top - free - names : Infinity,
        );
        if (by > 0) {
          const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
          window.scrollBy({ top: by, behavior: still ? "instant" : "smooth" });
        }
      }),
    );
    heading.focus({ preventScroll: true });
  }
})(window.KR);
