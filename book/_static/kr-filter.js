/* kr-filter.js: the control at the top of every page and what a choice changes. The control's markup and
 * every sentence come from the build (KR_DATA.control, .sentences); a choice highlights, it never hides.
 * Dispatches `kr:filtered` {kommune, inferred, ms, visibleMs, initial} on document after each choice is shown;
 * window.KR_FILTER.ready is a promise for the first view, window.KR_FILTER.state() the current one. */
((KR) => {
  // Jupyter Book may include a _static script a second time; run once.
  if (window.KR_FILTER) return;
  window.KR_FILTER = { version: 2 };
  const D = KR.data;
  let ui = {};
  const history = KR.history();

  function buildControl() {
    const template = document.createElement("template");
    template.innerHTML = D.control; // rendered by the build (templates/control.html.j2), autoescaped there
    const host = document.querySelector("article.bd-article") || document.body;
    // The build keeps the filter's place in its height (sphinx_ext: .kr-filter-slot); a page without one gets one.
    (
      host.querySelector(".kr-filter-slot") || host.insertBefore(document.createElement("div"), host.firstChild)
    ).replaceWith(template.content);
    const printLine = document.createElement("p");
    printLine.className = "kr-print-selection";
    (document.querySelector("#jb-print-docs-body > h1") || host.firstChild).after(printLine);
    ui = {
      select: document.getElementById("kr-kommune"),
      checkbox: document.getElementById("kr-udledte"),
      printLine,
      status: document.getElementById("kr-filter-status"),
      notice: document.querySelector(".kr-filter-notice"),
    };
    ui.select.addEventListener("focus", history.settle);
    ui.select.addEventListener("keydown", history.key);
    ui.select.addEventListener("change", onChange);
    ui.checkbox.addEventListener("change", onChange);
  }

  function onChange(event) {
    ui.notice.hidden = true;
    const next = { kommune: ui.select.value, inferred: ui.checkbox.checked };
    KR.writeUrl(next, history.push());
    apply(next, event.timeStamp || performance.now(), false);
  }

  function apply(next, t0, initial) {
    KR.state = { kommune: next.kommune, inferred: next.inferred };
    const key = KR.keyOf(KR.state);
    const sentences = D.sentences[key];
    ui.select.value = KR.state.kommune;
    ui.checkbox.checked = KR.state.inferred;
    for (const drill of document.querySelectorAll(".kr-drill")) drill.hidden = true;
    const statuses = KR.updateLists(KR.state);
    KR.updateMarks(KR.state);
    KR.updateCompare(KR.state);
    document.querySelectorAll("a[href]").forEach(KR.carry);
    for (const hint of document.querySelectorAll("[data-kr-when]:not([hidden])")) statuses.push(hint.textContent);
    if (document.querySelector("figure.kr-figure[data-kr-filterable=true]")) statuses.push(sentences.charts);
    ui.status.textContent = statuses.length
      ? statuses.join(" ")
      : sentences[document.querySelector(".kr-profile") ? "profile" : "nothing"];
    ui.printLine.textContent = sentences.print;
    return KR.updateCharts(key).then(() => {
      const ms = performance.now() - t0; // only charts in view are drawn, so they are all the reader waits for
      const detail = { kommune: KR.state.kommune, inferred: KR.state.inferred, ms, visibleMs: ms, initial };
      window.KR_FILTER.last = detail;
      document.dispatchEvent(new CustomEvent("kr:filtered", { detail: detail }));
    });
  }

  /** A table that scrolls sideways is a named, focusable region.
   * All widths are read before any is written: one layout. */
  function markScrollables() {
    const wraps = Array.from(document.querySelectorAll(".kr-table-wrap"));
    const scrolls = wraps.map((wrap) => wrap.scrollWidth > wrap.clientWidth + 1);
    wraps.forEach((wrap, i) => {
      const name = wrap.querySelector("caption").textContent.trim();
      for (const [key, value] of [
        ["tabindex", "0"],
        ["role", "region"],
        ["aria-label", name],
        ["aria-describedby", "kr-table-scrolls"],
      ]) {
        if (scrolls[i]) wrap.setAttribute(key, value);
        else wrap.removeAttribute(key);
      }
    });
  }

  function init() {
    const t0 = performance.now();
    buildControl();
    KR.setupCharts();
    KR.setupCompare();
    const read = KR.readQuery(window.location.search);
    if (read.unknown) {
      ui.notice.hidden = false;
      // Filled a moment after it is shown, so screen readers announce it.
      const notice = document.querySelector("template.kr-filter-unknown").content.cloneNode(true);
      notice.querySelector(".kr-filter-value").textContent = read.raw; // the build wrote the sentence around it
      window.setTimeout(() => {
        ui.notice.replaceChildren(notice);
      }, 50);
    }
    // Canonical address: the slug, never the code; an unknown value is dropped.
    if (read.raw !== null && (read.unknown || read.raw !== KR.slugOf(read.state.kommune)))
      KR.writeUrl(read.state, false);
    window.KR_FILTER.ready = apply(read.state, t0, true).then(() => {
      window.KR_FILTER.firstViewAt = performance.now();
      markScrollables();
    });
    window.KR_FILTER.state = () => ({ kommune: KR.state.kommune, inferred: KR.state.inferred });
    window.addEventListener("popstate", (event) => {
      const s = KR.readQuery(window.location.search).state;
      if (s.kommune !== KR.state.kommune || s.inferred !== KR.state.inferred)
        apply(s, event.timeStamp || performance.now(), false);
    });
    ["click", "auxclick", "contextmenu", "focusin"].forEach((type) => {
      document.addEventListener(
        type,
        (event) => {
          const anchor = event.target.closest?.("a[href]");
          if (anchor) KR.carry(anchor);
        },
        true,
      );
    });
    window.addEventListener("resize", markScrollables);
    document.addEventListener("toggle", markScrollables, true); // a table in an opened disclosure gets its width
  }

  init(); // a deferred script: the page is parsed
})(window.KR);
