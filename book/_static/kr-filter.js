/* kr-filter.js: the control at the top of every page and what a choice changes. The control's markup and
 * every sentence come from the build (KR_DATA.control, .sentences); a choice highlights, it never hides.
 * Dispatches `kr:filtered` {kommune, inferred, ms, visibleMs, initial} on document after each choice is shown;
 * window.KR_FILTER.ready is a promise for the first view, window.KR_FILTER.state() the current one,
 * window.KR_FILTER.held() whether the bar still shows itself whole after a choice. */
((KR) => {
  // Jupyter Book may include a _static script a second time; run once.
  if (window.KR_FILTER) return;
  window.KR_FILTER = { version: 2 };
  const D = KR.data;
  let ui = {};
  let showBarWhole = () => {}; // setupBar's: the phone's bar with its line under the row, wherever the reader is
  let keepLines = () => {}; // setupBar's: the lines' height kept in the bar's margin
  let showLines = () => {}; // setupBar's: the lines under the bar shown, wherever the reader is
  let overPage = () => false; // setupBar's: whether the lines under the stuck bar lie over the page's text

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
      filter: document.querySelector("section.kr-filter"),
      toggle: document.querySelector(".kr-filter-toggle"),
      offer: document.querySelector(".kr-filter-offer"),
      offerAgain: document.querySelector(".kr-filter-offer-again"),
      tally: document.querySelector(".kr-filter-tally"),
      reset: document.querySelector(".kr-filter-reset"),
      away: document.querySelector(".kr-filter-away-show"),
    };
    ui.select.addEventListener("change", onChange);
    ui.away.addEventListener("click", () => {
      ui.away.hidden = true;
      // The first of what the page marks, as it reads: the nearest was a table row at the foot of kommuner/oversigt
      // on a desktop, not the chosen municipality's card (issue 22). Every table's rows in the choice's order first.
      KR.arrangeWaiting();
      bringMarked(markedItems()[0]);
    });
    // The words that find what the choice marks step aside once something marked comes onto the screen (the reader
    // has found it), or once the reader has read on a screen's height from where they were offered.
    const found = () => {
      if (markedInView(markedOnPage()) || Math.abs(window.scrollY - awayFrom) > window.innerHeight)
        ui.away.hidden = true;
    };
    window.addEventListener("scroll", () => ui.away.hidden || window.requestAnimationFrame(found), { passive: true });
    ui.checkbox?.addEventListener("change", onChange); // no switch where the data hold no inferred tie
    // The bar's way back to all municipalities: the select's own first choice, in one tap.
    ui.reset.addEventListener("click", (event) => {
      ui.select.value = D.all;
      onChange(event);
      // The button steps aside (disabled): a keyboard's focus goes on to the choice it reset. A tap's goes nowhere: on
      // the select it drew a focus ring the reader had not asked for (reader review 24, #8). A click from the keyboard
      // counts no presses (detail 0).
      if (event.detail === 0) ui.select.focus({ preventScroll: true });
    });
    document.querySelector(".kr-filter-infer")?.addEventListener("click", (event) => {
      const offered = event.currentTarget.dataset.krAside === "true"; // "Vis det": the page marked nothing before
      ui.checkbox.checked = !ui.checkbox.checked;
      const shown = onChange(event);
      if (offered) shown?.then(bringMarked); // once the bar's lines say what is marked: their height is known
    });
    // A profile's own button (lists.profile_choice) chooses its municipality as the select would, and the build's
    // sentence in its place says that it did.
    for (const button of document.querySelectorAll(".kr-profile-choose-button")) {
      button.addEventListener("click", (event) => {
        ui.select.value = button.parentElement.dataset.krChoose;
        onChange(event);
        confirmChoice(button.parentElement);
      });
    }
  }

  /** "Vis det" shows the editors' tie the page had set aside: the reader is taken to what it marks, the first marked
   * card, right under the sticky bar (the page's scroll-padding), and the focus goes with it, so a keyboard or a
   * screen reader goes on from there (issue 22: the quote was marked 700 px down, and nothing moved). */
  function bringMarked(
    card = [...document.querySelectorAll("article .kr-card.kr-chosen")].find((c) => c.checkVisibility()),
  ) {
    if (!card) return;
    card.tabIndex = -1;
    // The bar held as after a choice: scrolling back up brought the phone's header back over the card, whose title
    // ended at y=72-93 under the bar at 56-104 (issue 22). Found further down, the bar will be stuck there: its lines
    // step aside at once, as they do when the reader reads on, and the card lands under the header and the bar's one
    // row, 96 of 667 px at 375 px; with the lines the three took 125 px (reader 27, #4; issue 22 asks 15 % or less).
    showBarWhole(card.getBoundingClientRect().top > ui.filter.getBoundingClientRect().bottom);
    // Under all that lies over the page's top: the header, the bar and the lines the choice shows under it.
    const place = () => {
      const over = [
        document.querySelector(".bd-header-article"),
        ui.filter,
        ui.filter.querySelector(".kr-filter-lines"),
      ]
        .filter((part) => part?.checkVisibility())
        .map((part) => part.getBoundingClientRect().bottom);
      const by = card.getBoundingClientRect().top - Math.max(0, ...over) - 8;
      if (Math.abs(by) >= 1) window.scrollBy({ top: by, behavior: "instant" });
    };
    place();
    card.focus({ preventScroll: true });
    // Once the header has slid (0.2 s, kommunefilter.css) and the bar's lines have stepped aside, measured again.
    window.setTimeout(place, 250);
  }

  /** What the choice marks on the page as the reader sees it: cards first in their lists and marked rows and columns
   * (KR.updateLists, KR.updateMarks), not the copy of a table's head under the bar. */
  function markedItems() {
    return markedOnPage().filter((item) => item.checkVisibility());
  }

  /** The same, shown or not. */
  const markedOnPage = () =>
    [...document.querySelectorAll("article .kr-card.kr-chosen, article [data-kr-mark].kr-chosen")].filter(
      (item) => !item.closest(".kr-marks-names, .kr-filter"),
    );

  /** Whether the reader sees any of what the choice marks. Only the items the browser lays out are checked: one in
   * a table of marks it skips far from the screen (KR.skipped) is not on the screen, and checking it restyled and
   * laid out the whole table (at national scale two tables of 98 columns, about 140 ms a choice on a slow phone,
   * issue 24). */
  const markedInView = (marks) => marks.some((item) => !KR.skipped(item) && item.checkVisibility() && inView(item));

  /** Whether the page shows any of what the choice marks, on the screen or not, as markedItems finds it. In a table of
   * marks the browser skips, a marked cell of the chosen column is drawn on every screen (kommunefilter.css draws
   * the marked cells on a phone too): it is shown, and the table is not restyled to say so. */
  const anyMarked = (marks) =>
    marks.some((item) => (KR.skipped(item) ? item.matches("td.kr-marked") : item.checkVisibility())) ||
    marks.some((item) => KR.skipped(item) && item.checkVisibility());

  /** How far an item lies from the screen's part under the sticky bar, in pixels; 0 where some of it is there. */
  function farFromView(item) {
    const box = item.getBoundingClientRect();
    const top = Math.max(0, ui.filter.getBoundingClientRect().bottom);
    return Math.max(0, top - box.bottom, box.top - window.innerHeight);
  }

  const inView = (item) => farFromView(item) === 0;

  /** After a choice the page keeps the reader's place, and where none of what the choice marks is on the screen,
   * nothing the reader sees changed: the line under the bar offers the build's words for what the choice marks in
   * the view (awayWords, from showStatus), which bring the first of it into view; the line shows under the stuck bar
   * until the reader reads on. In the line, not the bar's row, which holds the same controls after every choice
   * (docs/adr/0064). Where the page marks nothing, it offers nothing. */
  let awayWords = "";
  let awayFrom = 0; // where the page stood when the words were offered
  function offerAway() {
    const marks = markedOnPage();
    const seen = markedInView(marks); // read before the bar is written: after, it laid the page out again
    awayFrom = window.scrollY;
    ui.away.textContent = awayWords;
    ui.away.hidden = !awayWords || seen || !anyMarked(marks);
    if (ui.away.hidden) return;
    // What it finds, said once: the line's own lead and the finding words both named X.
    ui.tally.querySelector(".kr-filter-tally-text").hidden = true;
    ui.tally.hidden = false;
    // Over the page's text, under the stuck bar, the line says that alone (kommunefilter.css .kr-finding): the page's
    // link and edition are in the panel then. Near the page's top they stay beside it.
    ui.filter.classList.toggle("kr-finding", overPage());
    showLines();
  }

  /** The profile's confirmation of its button's choice: shown in the button's place (html.kr-profile-own, apply),
   * filled a moment later with the build's sentence so screen readers announce it (role=status). Until then it keeps
   * its own sentence's height, not the button's: the button's left an empty band under the sentence (reader review
   * 23, #12); the page under it moves up once, by the difference, as the reader's eyes are on the confirmation. */
  function confirmChoice(offer) {
    const said = offer.parentElement.querySelector(".kr-profile-chosen");
    const words = offer.parentElement.querySelector("template.kr-profile-chosen-words");
    if (!said || !words) return;
    said.replaceChildren(words.content.cloneNode(true));
    said.style.minHeight = CSS.px(said.getBoundingClientRect().height).toString();
    said.replaceChildren();
    window.setTimeout(() => {
      said.replaceChildren(words.content.cloneNode(true));
      said.style.removeProperty("min-height");
    }, 50);
  }

  let choices = 0; // the choices made on the page (onChange), so that only the last one offers its words

  /** Resolves once the browser has painted the next frame: in the frame after it, before its own paint. */
  const afterPaint = () =>
    new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(() => resolve())));

  /** A choice made on the page; the view's promise, settled once it is shown and the reader's place kept (none while
   * an open drill panel steps back first). */
  function onChange(event, place = readersPlace(), close = KR.chartsNear()) {
    // An open drill panel stays open; its history entry is stepped back over first, so that the choice is written
    // into the page's own entry, and taken again after (kr-charts.js). The step back scrolls the page to where it
    // stood when the panel opened: the reader's place is read before it.
    if (KR.leaveDrill?.(() => onChange(event, place))) return;
    ui.notice.hidden = true;
    ui.away.hidden = true;
    showBarWhole(); // the bar shows its line with what the choice marks
    const next = { kommune: ui.select.value, inferred: ui.checkbox ? ui.checkbox.checked : KR.state.inferred };
    KR.remember(next); // first: whether the address says "alle" depends on the choice kept (KR.queryFor)
    KR.writeUrl(next);
    const shown = apply(next, event.timeStamp || performance.now(), false, close);
    place.keep(true);
    const made = ++choices;
    return shown.then(() => {
      place.keep(false);
      // Offered once the frame that shows the redrawn charts is painted: checking where the marks are, and writing the
      // line under the bar, delayed that frame (issue 24). Only the last choice's words are offered.
      return afterPaint().then(() => {
        if (made === choices) offerAway();
      });
    });
  }

  /** What the reader is reading: the first blocks of the article under the sticky bar, and where each stands. A choice
   * reorders lists (the chosen municipality's cards first) and redraws its parts, and the page moved under the reader:
   * 300 px to a section's heading, 85-430 px with the card being read (issue 22, reader 17). `keep` scrolls the page
   * so that the first of them still on the page stands where it stood: at once, and once the charts in view are drawn
   * unless the reader has scrolled since. The
   * browser's own scroll anchoring picked another element and is off for the moment of the change. */
  function readersPlace() {
    const root = document.documentElement;
    const article = document.querySelector("article.bd-article");
    // At the page's top the reader's place is the top: a choice that adds a line under the title (a profile's "Siden
    // handler om …") moved the page 44 px down to keep the line under it, and the title went under the bar (reader
    // review 24, #8).
    if (!article || window.scrollY === 0) return { keep: () => undefined };
    root.style.overflowAnchor = "none";
    const box = article.getBoundingClientRect();
    const under = Math.max(0, ui.filter.getBoundingClientRect().bottom);
    const blocks = "h1, h2, h3, h4, p, li, tr, figure, blockquote, dt, dd, .kr-card, .kr-drill, .kr-marks-wrap";
    const seen = [];
    // Across the reader's line and a little under it, at a quarter and half the column (cards stand in a grid).
    const points = [under + 8, under + 60, under + 160, window.innerHeight / 2].flatMap((y) => [
      [box.left + box.width / 4, y],
      [box.left + box.width / 2, y],
    ]);
    // At each point the topmost element and its ancestors, as the browser stacks them over the page's text; all the
    // elements there only where something else lies over the text (the bar and its lines, a table's names under it).
    // Hit-testing all of them at every point was 40-70 ms of a choice on a slow phone at national scale (issue 24).
    const stacked = (x, y) => {
      const top = document.elementFromPoint(x, y);
      if (!top || !article.contains(top) || ui.filter.contains(top)) return document.elementsFromPoint(x, y);
      const stack = [];
      for (let node = top; node; node = node.parentElement) stack.push(node);
      return stack;
    };
    for (const [x, y] of points) {
      for (const hit of stacked(x, y)) {
        const block = hit.closest(blocks);
        if (block && article.contains(block) && !ui.filter.contains(block) && !seen.some(([b]) => b === block)) {
          seen.push([block, block.getBoundingClientRect().top]);
          break;
        }
      }
    }
    let scrolledTo = window.scrollY;
    const keep = (now) => {
      if (!now && Math.abs(window.scrollY - scrolledTo) > 2) return; // the reader has moved on
      const shown = seen.filter(([block]) => block.isConnected && block.getClientRects().length);
      // An open panel on the screen is what the reader reads: kept first, as a table's rows move above it (a choice
      // puts its municipality's rows first) while the reader's line crosses the table's head, which stays.
      const kept = shown.find(([block]) => block.matches(".kr-drill")) || shown[0];
      if (kept) {
        const by = kept[0].getBoundingClientRect().top - kept[1];
        if (Math.abs(by) >= 1) window.scrollBy({ top: by, behavior: "instant" });
      }
      scrolledTo = window.scrollY;
      window.requestAnimationFrame(() =>
        window.requestAnimationFrame(() => root.style.removeProperty("overflow-anchor")),
      );
    };
    return { keep };
  }

  /** `close`: the charts near the screen, read before anything changed (KR.chartsNear); read as they are drawn if not
   * given. */
  function apply(next, t0, initial, close) {
    // A municipality's page shows its own municipality whatever the reader chose; the reader's choice stands for the
    // rest of the book, in the select, the links and the browser (docs/adr/0058).
    const profile = document.querySelector(".kr-profile");
    KR.choice = next.kommune;
    KR.state = { kommune: profile ? profile.dataset.kommune : next.kommune, inferred: next.inferred };
    KR.remember(KR.chosen()); // the reader's choice is the one a later visit starts from
    const key = KR.keyOf(KR.state);
    const chosenKey = KR.keyOf(KR.chosen());
    KR.loadChartParts(key);
    ui.select.value = KR.choice;
    ui.reset.disabled = KR.choice === D.all; // in its place, inert, with none chosen (docs/adr/0064)
    if (ui.checkbox) ui.checkbox.checked = KR.state.inferred;
    const lists = KR.updateLists(KR.state);
    KR.updateMarks(KR.state);
    KR.updateCompare(KR.state);
    // The view's sentences may wait in a file (KR.sentencesOf); if a later choice came first, its own stand. The
    // reader's choice's say what the bar offers (on a profile, another municipality's page).
    const current = () => KR.keyOf(KR.state) === key && KR.keyOf(KR.chosen()) === chosenKey;
    const said = Promise.all([KR.sentencesOf(KR.state), KR.sentencesOf(KR.chosen())]).then(
      ([sentences, chosen]) => {
        if (current()) say(sentences, lists, chosen);
      },
      () => {
        if (current()) ui.status.textContent = D.sideMissing;
      },
    );
    document.querySelectorAll("a[href]").forEach(KR.carry);
    carryIntoSearch();
    rankSearchForTheChoice(!initial);
    // What the build wrote for one position of the switch: a card's tie, a profile's quotes, an edition's note.
    KR.showInferred(document);
    // What the build wrote in two versions, for no municipality chosen and for one (cards.order_said): the true one.
    // A profile offers its own municipality for the rest of the book wherever the reader chose another, or none, and
    // says it is chosen where it is (lists.profile_choice); the head script set the opening's (extension.OPENS_CHOSEN).
    document.documentElement.classList.toggle("kr-profile-own", KR.choice === profile?.dataset.kommune);
    for (const node of document.querySelectorAll("[data-kr-chosen]"))
      node.hidden = node.dataset.krChosen !== String(KR.state.kommune !== D.all);
    return Promise.all([KR.updateCharts(key, close), said]).then(() => {
      const ms = performance.now() - t0; // only charts in view are drawn, so they are all the reader waits for
      const detail = { kommune: KR.choice, inferred: KR.state.inferred, ms, visibleMs: ms, initial };
      window.KR_FILTER.last = detail;
      document.dispatchEvent(new CustomEvent("kr:filtered", { detail: detail }));
    });
  }

  /** What the view's sentences say on the page: the status, the bar's offer, the printed choice and "Din kommune";
   * `chosen`, the reader's choice's, what the bar offers (the same but on a municipality's own page). */
  function say(sentences, lists, chosen) {
    showStatus(sentences, lists, chosen);
    // "Din kommune" (front_page.starts) leads to the chosen municipality's own page, or to the overview it names.
    for (const link of document.querySelectorAll("a.kr-own-page")) {
      link.dataset.krOverview ??= link.dataset.krHref ?? link.getAttribute("href");
      link.dataset.krHref = KR.choice === D.all ? link.dataset.krOverview : KR.fromRoot(chosen.offer_href);
    }
    // These links' targets come with the sentences: they take the choice along as every other link did (apply).
    const links = [ui.offer, ui.offerAgain].flatMap((box) => [...box.querySelectorAll("a")]);
    for (const link of [...document.querySelectorAll("a.kr-own-page"), ...links]) KR.carry(link);
    ui.printLine.textContent = sentences.print;
    // At a page's first quotes, where the data tie none: why the choice marks none of them (highlight.untied_for),
    // in its words for one card where the list holds one (cards.untied_choice_line).
    for (const line of document.querySelectorAll(".kr-untied-choice")) {
      const said = ("krOne" in line.dataset ? sentences.untied_one : sentences.untied) || "";
      line.textContent = said;
      line.hidden = !said;
    }
  }

  /** The status says once what the choice does on this page, by what the page holds (highlight.page_sentences):
   * where the page marks nothing for the choice, the sentence that says so ("unmarked"). Each list's headings give
   * its own counts. On a municipality's page with another one chosen, the build's hint says so in the status. */
  function showStatus(sentences, lists, chosen) {
    const hint = document.querySelector(`[data-kr-when="${CSS.escape(KR.choice)}"]`);
    // Only a figure the build drew otherwise for this choice (figures.embed's data-kr-marks) highlights it (issue 22).
    const figures = [...document.querySelectorAll("figure.kr-figure[data-kr-filterable=true]")].some((figure) =>
      figure.dataset.krMarks.split(" ").includes(KR.state.kommune),
    );
    const marked = lists.marked || document.querySelector(`[data-kr-mark="${CSS.escape(KR.state.kommune)}"]`);
    let kind = document.querySelector(".kr-profile")
      ? "profile"
      : lists.any || document.querySelector("[data-kr-mark]")
        ? marked || KR.state.kommune === D.all
          ? lists.any
            ? "lists"
            : "marks"
          : "unmarked"
        : "nothing";
    if (kind === "nothing" && figures) kind = "";
    // On another municipality's profile, the reader's choice for the rest of the book (lists.profile_hints); the way
    // to the chosen one's page is the offer below, a link, in the bar's line and the open panel.
    const parts = [hint ? hint.textContent : kind ? sentences[kind] : ""];
    if (figures && sentences.charts) parts.push(sentences.charts);
    ui.status.textContent = parts.filter(Boolean).join(" ");
    // The bar's own line: what the choice marks here, so the reader sees it take effect without opening the panel:
    // the page's line for the view as the build wrote it (highlight.bar_lines), or the page's short sentence.
    const tally = ui.tally.querySelector(".kr-filter-tally-text");
    tally.hidden = false; // set aside while the line offers what a choice out of view finds (offerAway)
    const line = kind === "lists" ? barLines().marked[KR.keyOf(KR.state)] : undefined;
    // Where the page marks nothing, the editors' ties its lists set aside, and the button's words to show them.
    const aside = kind === "unmarked" ? barLines().aside[KR.keyOf(KR.state)] : undefined;
    // What the bar says after a choice that marks nothing on the screen (offerAway): the lists' counts, or the rows'.
    awayWords = (kind === "lists" ? barLines().away[KR.keyOf(KR.state)] : kind === "marks" ? sentences.away : "") ?? "";
    // On a profile, the line says what the select is there: the rest of the book's choice, another one or none (reader
    // 15: the bar named only the chosen one; reader31, #5: „Alle kommuner“ over „Køge“).
    tally.textContent =
      line ?? aside?.[0] ?? (hint ? hint.textContent : kind === "marks" ? (sentences.marks_line ?? "") : "");
    // Where the editors' inferred ties change what the page marks, the line offers the switch in one tap.
    const infer = ui.tally.querySelector(".kr-filter-infer"); // none where the data hold no inferred tie
    if (infer) {
      infer.hidden = !lists.inferred || (kind === "unmarked" && !aside);
      infer.textContent = aside?.[1] ?? D.switchWords[KR.state.inferred ? "on" : "off"];
      infer.dataset.krAside = String(Boolean(aside));
    }
    // With none chosen the line shows only on a profile, where it says the select is the rest of the book's choice.
    ui.tally.hidden = (KR.choice === D.all && !hint) || (!tally.textContent && (!infer || infer.hidden));
    // On every page but the chosen municipality's own, the bar's row offers its page and its PDF edition: the way
    // on from a page where nothing is tied to it, and the way to what a committee takes along from anywhere.
    const [link, pdf] = ui.offer.children;
    ui.offer.hidden = !chosen.offer || (kind === "profile" && !hint);
    pdf.hidden = true;
    // Each link's whole words and a phone's short ones (the build's), the whole words its name.
    const words = (anchor, long, short) => {
      anchor.setAttribute("aria-label", long);
      anchor.querySelector(".kr-long").textContent = long;
      anchor.querySelector(".kr-short").textContent = short || long;
    };
    if (!ui.offer.hidden) {
      words(link, chosen.offer, chosen.offer_short);
      link.dataset.krHref = KR.fromRoot(chosen.offer_href);
      // The edition's link is there once `make pdf` has made it (kulturensrige/edition/links.py offer_editions).
      // On a profile, another municipality chosen in the select is offered as its page only: the page's own edition
      // stands on it, and a second one beside it read as the page's (issue 22).
      pdf.hidden = !chosen.pdf || kind === "profile";
      if (!pdf.hidden) {
        words(pdf.lastElementChild, chosen.pdf, chosen.pdf_short);
        pdf.lastElementChild.href = KR.fromRoot(chosen.pdf_href);
      }
    }
    // The same links in the open panel, which lies over the lines under the bar (kommunefilter.css).
    // Their classes stay with the bar's own (the copy's CSS is its paragraph's).
    const again = ui.offer.cloneNode(true);
    for (const part of again.querySelectorAll("[class^=kr-filter-offer]")) part.removeAttribute("class");
    ui.offerAgain.replaceChildren(...again.childNodes);
    ui.offerAgain.hidden = ui.offer.hidden;
  }

  /** The page's bar lines by view (highlight.page_lines, published by the page's last cell), read once: what its lists
   * mark, and where they mark nothing, the editors' ties they set aside; none on a page without lists. */
  let lines = null;
  function barLines() {
    if (lines === null) {
      const read = (name) => {
        const island = document.querySelector(`script.kr-bar-${name}`);
        return island ? JSON.parse(island.textContent) : {};
      };
      lines = { marked: read("lines"), aside: read("aside"), away: read("away") };
    }
    return lines;
  }

  /** A search keeps the choice: the search forms send it along (the result links take it on click, KR.carry). */
  function carryIntoSearch() {
    const said = new URLSearchParams(KR.queryFor("", KR.chosen())); // as every link says it
    const fields = { kommune: said.get("kommune"), udledte: said.get("udledte") };
    for (const form of document.querySelectorAll("form.bd-search")) {
      for (const [name, value] of Object.entries(fields)) {
        let input = form.querySelector(`input[type=hidden][name=${name}]`);
        if (value === null) {
          if (input) input.remove();
          continue;
        }
        if (!input) input = form.appendChild(Object.assign(document.createElement("input"), { type: "hidden", name }));
        input.value = value;
      }
    }
  }

  /** The pages about the chosen municipality come first, each group in Sphinx's order (a heading 15, any body text
   * 5, ties by name), and the analysts' pages after every reader's page that matches: the build's lists and how far
   * each moves (browser.search_first). The patched
   * searchtools.js, which runs after this script, takes it up at each query (book/hardening.py); a later choice runs
   * the query again (`again`). */
  function rankSearchForTheChoice(again) {
    const island = document.querySelector("script.kr-search-first");
    if (!island) return;
    const ranking = JSON.parse(island.textContent);
    const first = ranking.pages[KR.keyOf(KR.chosen())];
    const about = new Set(first || []);
    const later = new Set(ranking.later);
    window.KR_SCORE = (result) =>
      result[4] + (about.has(result[0]) ? ranking.ahead : 0) - (later.has(result[0]) ? ranking.behind : 0);
    // An analysts' page says so by its title as Sphinx lists it (the patched searchtools.js asks for each result).
    window.KR_RESULT = (item, doc) => {
      if (!later.has(doc)) return;
      const label = document.createElement("span");
      label.classList.add("kr-search-audience", "nohighlight");
      label.textContent = ranking.laterLabel;
      item.append(" ", label);
    };
    const query = new URLSearchParams(window.location.search).get("q");
    const results = document.getElementById("search-results");
    document.querySelector("p.kr-search-note")?.remove();
    if (first && query && results) {
      // The note says what the list shows: that the pages about the choice stand first where one is among the
      // results, that none is where none is (reader review 23, #7: it promised Køge's pages over 13 hits with none).
      const note = Object.assign(document.createElement("p"), { className: "kr-search-note" });
      const page = (link) =>
        link
          .getAttribute("href")
          .split(/[?#]/)[0]
          .replace(/^\.\//, "")
          .replace(/\.html$/, "");
      const tell = () => {
        const listed = [...results.querySelectorAll("ul.search > li a[href]")].map(page);
        note.textContent = listed.some((doc) => about.has(doc)) ? ranking.note : ranking.noneNote;
      };
      tell();
      new MutationObserver(tell).observe(results, { childList: true, subtree: true });
      results.before(note);
    }
    if (again && query && results && typeof Search !== "undefined" && Search._index) {
      results.replaceChildren();
      Search.performSearch(query);
    }
  }

  /** Sphinx's search joins a page's text without spaces between its parts ("MålgrupperForeninger"): every part
   * that is not inline text gets a space after it before the snippet is cut. */
  function spaceSearchSnippets() {
    // searchtools.js declares Search with const: a global binding, not a property of window.
    const search = typeof Search === "undefined" ? null : Search;
    if (!search || !search.htmlToText || search.krSpaced) return;
    const original = search.htmlToText;
    const island = document.querySelector("script.kr-search-first");
    const { notProse, hitOnly } = island ? JSON.parse(island.textContent) : {};
    // The other pages' hashed <style> blocks are dropped first: the search page's policy does not know them.
    const parsed = (html) =>
      new DOMParser().parseFromString(html.replace(/<style[^>]*>[^<]*<\/style>/g, ""), "text/html");
    search.htmlToText = (html, anchor) => {
      const doc = parsed(html);
      // Not the page's text: its contents menu, its print-only header, the filter's place and no-script note,
      // the foot line, its buttons and closed pop-ups ("Luk"), the links to the pages before and after it and the
      // site's footer (reader review 20: "…Luk forrige Egedal næste Rudersdal").
      const asides =
        "nav, .bd-toc, .onlyprint, noscript, .kr-filter-slot, .kr-made, button, [popover], .prev-next-area, footer";
      for (const aside of doc.querySelectorAll(asides)) aside.remove();
      // Nor what the page shows only in the other position of the inferred switch (an inferred tie, ADR 33).
      const other = KR.state.inferred ? "off" : "on";
      for (const part of doc.querySelectorAll(`[data-kr-inferred=${other}]`)) part.remove();
      // Nor from what the build says is not prose: code, and an analysts' page's tables (browser.NOT_PROSE).
      if (notProse) for (const part of doc.querySelectorAll(notProse)) part.remove();
      // The result's own heading (the page's title, or its section's where the hit is in a section) starts its block
      // with a mark: a snippet is not its title again.
      const main = doc.querySelector('[role="main"]');
      const region = (anchor && main?.querySelector(anchor)) || main;
      region?.querySelector("h1, h2, h3, h4, h5, h6")?.prepend(TITLE_START);
      for (const br of doc.querySelectorAll("br")) br.replaceWith(" ");
      // Every element but those that run inside a line ends a block: marked, so a snippet keeps to one.
      for (const part of doc.body.querySelectorAll(
        ":not(a, abbr, b, cite, code, em, i, mark, q, small, span, strong, sub, sup, time)",
      )) {
        part.append(BLOCK_END);
      }
      return original(doc.documentElement.outerHTML, anchor).replace(/\s+/g, " ");
    };
    // A snippet is cut from the one block of the page that holds the hit (a paragraph, a quote, a heading), never
    // across two: a quote ran on into its card's source line and the next section's heading (reader review 23, #7:
    // "…med i gruppen.« Afsnit: Etablering af ”vi” I guiden De anbefalinger…"). Sphinx's window of 240 characters.
    search.makeSearchSummary = (html, keywords, anchor) => {
      // Without soft hyphens: a title broken for a phone, »Tilgængeligheds-erklæring«, holds the word whole.
      const all = search
        .htmlToText(html, anchor)
        .split(BLOCK_END)
        .map((block) =>
          block
            .replace(/\u00ad/g, "")
            .replace(/\s+/g, " ")
            .trim(),
        )
        .filter(Boolean);
      const title = all.find((block) => block.startsWith(TITLE_START))?.slice(TITLE_START.length) ?? "";
      const blocks = all.filter((block) => !block.startsWith(TITLE_START));
      // A term found where a word starts, not inside a name: the stem »sund« of »sundhed« cut Guldborgsund's snippet
      // from its heading, »Guldborgsund«, and nothing else (reader 25 r2, #4). The block with the most terms so found
      // is the snippet's; inside a word (a compound) only where no block has one at a word's start.
      const terms = [...keywords].map((k) => k.toLowerCase());
      const escaped = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const starts = terms.map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escaped(t)}`, "iu"));
      const found = (b) => starts.filter((start) => start.test(b)).length;
      const best = Math.max(0, ...blocks.map(found));
      const holds = (text) => terms.some((t) => text.toLowerCase().includes(t));
      const block = best ? blocks.find((b) => found(b) === best) : blocks.find(holds);
      // Where no block of the page's prose holds a term, the snippet says where the word stands, from the build's
      // sentences: its title, a part a snippet is never cut from, or else elsewhere (reader 28, F6: a paragraph
      // without the word stood there; reader 26, #7: the title again).
      if (!block) {
        const main = parsed(html).querySelector('[role="main"]');
        const holdsPart = ([css]) =>
          [...(main?.querySelectorAll(css) ?? [])].some((part) => holds(part.textContent.replace(/\u00ad/g, "")));
        const where = document.createElement("p");
        where.classList.add("context", "nohighlight", "kr-search-where");
        where.textContent = holds(title) ? hitOnly.title : (hitOnly.parts.find(holdsPart)?.[1] ?? hitOnly.elsewhere);
        return where;
      }
      const lower = block.toLowerCase();
      const hits = best ? starts.map((start) => block.search(start)) : terms.map((t) => lower.indexOf(t));
      const at = Math.min(...hits.filter((i) => i > -1), block.length);
      const start = at === block.length ? 0 : Math.max(at - 120, 0);
      const summary = Object.assign(document.createElement("p"), { className: "context" });
      const cut = block.substr(start, 240).trim();
      summary.textContent = (start ? "…" : "") + cut + (start + 240 < block.length ? "…" : "");
      return summary;
    };
    search.krSpaced = true;
  }

  // Where one block of a page's text ends, and where the result's own heading starts (spaceSearchSnippets): characters
  // no page's text holds.
  const BLOCK_END = "\u001e";
  const TITLE_START = "\u001d";

  /** The build's Danish for the search's count line and its no-hit line joins Sphinx's catalog before the search
   * runs: it runs as soon as searchindex.js arrives, and a search that finds nothing says so at once, before
   * DOMContentLoaded (doctools.js and translations.js, deferred like this script, come first). */
  function translateSearch() {
    // doctools.js declares Documentation with const: a global binding, not a property of window.
    if (typeof Documentation !== "undefined" && D.searchMessages) {
      Documentation.addTranslations({ locale: "da", messages: D.searchMessages, plural_expr: "(n != 1)" });
    }
  }

  /** A search result opens at its hit. Sphinx's sphinx_highlight.js, which runs before this script, takes the terms
   * the search page left (in storage, or ?highlight= in older links), drops ?highlight= from the address (keeping
   * ?kommune=), offers its "Skjul søgeresultater" link (#searchbox .highlight-link) and marks the words
   * (span.highlighted) a moment later; but it leaves the reader at the page's top. Once the choice is shown (lists
   * arranged, KR_FILTER.ready), the first marked word in the page's text is brought to the middle of the screen,
   * clear of the sticky header and bar; a word in a closed disclosure opens it. */
  function openAtSearchHit(ready) {
    if (!document.querySelector("#searchbox .highlight-link")) return; // not opened from a search
    const firstHit = () =>
      [...document.querySelectorAll("article.bd-article span.highlighted")].find(
        (hit) => hit.closest("details:not([open])") || hit.getClientRects().length,
      );
    const show = (tries) => {
      const hit = firstHit();
      if (!hit) {
        if (tries > 0) window.setTimeout(() => show(tries - 1), 50); // Sphinx marks the words a moment later
        return;
      }
      for (let closed = hit.closest("details:not([open])"); closed; closed = hit.closest("details:not([open])"))
        closed.open = true;
      hit.scrollIntoView({ block: "center" });
    };
    ready.then(() => show(100));
  }

  /** Opened as files, the search page lists its results without snippets (the patched searchtools.js fetches no
   * page over file://, which the browser would refuse); the build's sentence says why, once, above the results. */
  function noteSearchAsFiles() {
    const results = document.getElementById("search-results");
    if (window.location.protocol !== "file:" || !results || document.querySelector(".kr-search-offline")) return;
    results.before(
      Object.assign(document.createElement("p"), { className: "kr-search-offline", textContent: D.searchOffline }),
    );
  }

  /** The bar is one row; its button opens the status and the settings as a panel under it (at the page's top the page
   * makes room for it; further down it lies over the page and moves nothing). The panel closes again
   * with the button, Escape, or once the reader has scrolled on. On a phone the bar is sticky, and reading on
   * (scrolling down) slides the theme's header away; a move back up brings it back. */
  function setupBar() {
    const phone = window.matchMedia("(max-width: 40rem)");
    const filter = ui.filter;
    const mark = document.createElement("div");
    mark.className = "kr-filter-mark";
    filter.before(mark);
    let openedAt = null;
    let pending = false;
    let lastY = window.scrollY;
    const body = filter.querySelector(".kr-filter-body");
    // The bar's margin as it was before the open panel made room at the page's top (null: no room made).
    let roomFrom = null;
    // Opened at the page's top, the panel lay over the title (reader 26 r2, #7; issue 22): there the page makes room
    // for it in the bar's margin, and the title stands under the panel as it stood under the bar (docs/adr/0091).
    // Stuck further down, it lies over the page as a menu does, and nothing moves (ADR 75).
    const makeRoom = (open) => {
      if (!open) {
        if (roomFrom !== null) filter.style.marginBottom = roomFrom;
        roomFrom = null;
        return;
      }
      if (mark.getBoundingClientRect().top < filter.getBoundingClientRect().top - 1) return;
      // How far the panel reaches past the bar and the lines under it, which the margin already keeps clear.
      const lines = filter.querySelector(".kr-filter-lines");
      const shown = lines.checkVisibility() ? lines.getBoundingClientRect().bottom : 0;
      const room = body.getBoundingClientRect().bottom - Math.max(filter.getBoundingClientRect().bottom, shown);
      if (room <= 0) return;
      roomFrom = filter.style.marginBottom;
      filter.style.marginBottom = CSS.px(Number.parseFloat(getComputedStyle(filter).marginBottom) + room).toString();
    };
    // The panel grows or shrinks while open (the inferred switch's sentences, a turned phone): the room follows it.
    new ResizeObserver(() => {
      if (roomFrom === null) return;
      filter.style.marginBottom = roomFrom;
      roomFrom = null;
      makeRoom(true);
    }).observe(body);
    const setOpen = (open) => {
      openedAt = open ? window.scrollY : null;
      filter.classList.toggle("kr-open", open);
      ui.toggle.setAttribute("aria-expanded", String(open));
      makeRoom(open);
    };
    // Closed by the reader (a tap beside it, Escape): the focus goes back to the button that opened it, unless the
    // tap went to something that takes the focus itself.
    const close = (refocus) => {
      setOpen(false);
      if (refocus) ui.toggle.focus({ preventScroll: true });
    };
    const takesFocus = (target) => target.closest?.("a[href], button, input, select, textarea, summary, [tabindex]");
    // Once the bar sticks, its line under its row steps aside (kommunefilter.css), scrolling down or back up; the
    // bar's margin takes its height, so nothing below the bar moves. Back up, the header returns over a one-row bar
    // (reader 14: header and whole bar took 300 of 812 px while reading).
    const setCompact = (on) => {
      const root = document.documentElement;
      if (root.classList.contains("kr-compact") === on) return;
      // Fractional heights: two lines under the row made a whole pixel's jump when rounded (offsetHeight).
      const before = filter.getBoundingClientRect().height;
      filter.style.marginBottom = "";
      root.classList.toggle("kr-compact", on);
      const shrunk = before - filter.getBoundingClientRect().height;
      if (shrunk > 0)
        filter.style.marginBottom = CSS.px(
          Number.parseFloat(getComputedStyle(filter).marginBottom) + shrunk,
        ).toString();
    };
    // A choice shows the whole bar; only the reader's own move down the page makes it one row again, not the
    // browser's adjustment of the scroll while the lists rearrange (scroll anchoring moved it and set it reading).
    let heldUntil = 0;
    // Reading on (scrolling down), the theme's header slides away; a move back up brings it back.
    const setReading = (on) => document.documentElement.classList.toggle("kr-reading", on);
    // `below`: the page is about to move down to what the choice marks (bringMarked), so the bar is as if stuck.
    showBarWhole = (below = false) => {
      heldUntil = performance.now() + 300;
      // On a phone a choice made further down leaves the bar its one row and the header away: what the choice marks
      // stands under the bar's place at the page's top, on the page (issue 22: header, bar and line took 165 of
      // 667 px right after a choice; the reader sees the choice in the select and the marks on the page).
      // On a wide screen too the stuck bar stays one row: its line under the row, showing, grew the bar's margin and
      // moved the page 28 px under the reader.
      const stuck = mark.getBoundingClientRect().top < filter.getBoundingClientRect().top - 1;
      setReading(phone.matches && stuck);
      setCompact(stuck || below);
    };
    // Scrolled further than the room the page keeps for the lines under the bar (its margin): they lie over the text.
    overPage = () =>
      filter.getBoundingClientRect().top - mark.getBoundingClientRect().top >
      Number.parseFloat(getComputedStyle(filter).marginBottom);
    // After a choice out of view, the lines with what it finds, under the stuck bar too, until the reader reads on.
    showLines = () => {
      heldUntil = performance.now() + 300;
      setCompact(false);
    };
    // Whether the bar still holds its whole view after a choice (a test waits for the hold to end, not a time).
    window.KR_FILTER.held = () => performance.now() < heldUntil;
    const update = () => {
      pending = false;
      const y = window.scrollY;
      if (performance.now() < heldUntil) {
        lastY = y;
        return;
      }
      if (openedAt !== null && Math.abs(y - openedAt) > 240) setOpen(false);
      // The bar sticks on every screen, and stuck it is one row (on a wide screen too: its line under the row steps
      // aside); only on a phone does the theme's header slide away.
      const stuck = mark.getBoundingClientRect().top < filter.getBoundingClientRect().top - 1;
      if (Math.abs(y - lastY) > 4 || !stuck) {
        setCompact(stuck && openedAt === null);
        setReading(phone.matches && stuck && openedAt === null && y > lastY);
        lastY = y;
      }
    };
    const schedule = () => {
      if (!pending) window.requestAnimationFrame(update);
      pending = true;
    };
    window.addEventListener("scroll", schedule, { passive: true });
    phone.addEventListener("change", schedule);
    // A jump to an anchor (a link, the page's contents, a search hit) lands below the sticky header and bar: the page
    // keeps clear the header's height and the bar's as it is once stuck (on a phone its one row, the line under it
    // stepping aside), measured, so a bar whose row wraps or grows with the reader's text size is kept clear too
    // (kommunefilter.css scroll-padding-top reads --kr-sticky-top).
    const header = document.querySelector(".bd-header-article");
    const keepClear = () => {
      const box = filter.getBoundingClientRect();
      const style = getComputedStyle(filter);
      const below = Number.parseFloat(style.paddingBottom) + Number.parseFloat(style.borderBottomWidth);
      const row = [...filter.querySelector(".kr-filter-row").children].filter(
        (part) => !part.matches(".kr-filter-lines") && part.getClientRects().length,
      );
      const bar = Math.max(...row.map((part) => part.getBoundingClientRect().bottom), box.top) - box.top + below;
      const top = (header ? header.getBoundingClientRect().height : 0) + bar;
      document.documentElement.style.setProperty("--kr-sticky-top", CSS.px(top).toString());
    };
    // The lines under the bar stand on the page (kommunefilter.css; on a wide screen only what the choice marks): the
    // page keeps their height in the bar's margin while they show; stepped aside, their height stays, so the text does
    // not move.
    const lines = filter.querySelector(".kr-filter-lines");
    keepLines = () => {
      if (document.documentElement.classList.contains("kr-compact")) return;
      // Shown under the stuck bar (showLines), over the page: the bar's margin is the page's top's, and a new one
      // there would move the page under the reader.
      if (mark.getBoundingClientRect().top < filter.getBoundingClientRect().top - 1) return;
      // The open panel lies over the lines (ADR 75) and they shorten under it: the page keeps their height meanwhile.
      if (filter.classList.contains("kr-open")) return;
      const height = lines.getBoundingClientRect().height;
      // Until the first view is shown, empty lines keep the height the stylesheet keeps for a page opened with a
      // choice (html.kr-opens-chosen): the lines fill in a moment later, and the page would move down and back.
      if (!height && window.KR_FILTER.firstViewAt === undefined) return;
      filter.style.setProperty("--kr-lines", CSS.px(height).toString());
    };
    new ResizeObserver(keepLines).observe(lines);
    new ResizeObserver(keepLines).observe(ui.tally);
    phone.addEventListener("change", keepLines);
    new ResizeObserver(keepClear).observe(filter);
    if (header) new ResizeObserver(keepClear).observe(header);
    phone.addEventListener("change", keepClear);
    keepClear();
    ui.toggle.addEventListener("click", () => setOpen(openedAt === null));
    // A tap or click beside the open panel closes it, as the theme's drawers close: anywhere but the panel and its
    // button, the bar's own row too (reader review 5: a tap on the bar's line left the settings over the page). In
    // the capture phase, so a chart that keeps its clicks to itself does not keep the panel open.
    document.addEventListener(
      "click",
      (event) => {
        if (openedAt !== null && !body.contains(event.target) && !ui.toggle.contains(event.target))
          close(!takesFocus(event.target));
      },
      true,
    );
    // Escape closes it wherever the focus is (after a tap on the page's text, it is on the page, not in the panel).
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && openedAt !== null) close(true);
    });
  }

  /** A table that scrolls sideways is a named, focusable region. A table of marks scrolls by whole columns (CSS
   * scroll snap): its end is padded so that the scrolling ends on a column's edge too, never with a column half
   * under the fixed names. All widths are read before any is written: one layout. */
  function markScrollables() {
    const wraps = Array.from(document.querySelectorAll(".kr-table-wrap"));
    const pads = wraps.map((wrap) => Number.parseFloat(wrap.style.paddingRight) || 0);
    const scrolls = wraps.map((wrap, i) => wrap.scrollWidth - pads[i] > wrap.clientWidth + 1);
    // A table of marks' heads: the names' column, then the first of its columns.
    const heads = wraps.map((wrap) => [...wrap.querySelectorAll(".kr-marks thead th")].map((th) => th.offsetWidth));
    const ranges = wraps.map((wrap, i) => wrap.scrollWidth - pads[i] - wrap.clientWidth);
    wraps.forEach((wrap, i) => {
      const [names, column] = heads[i];
      if (column) {
        const pad = scrolls[i] ? (column - (ranges[i] % column)) % column : 0;
        wrap.style.scrollPaddingLeft = `${names}px`; // the columns stop beside the names
        wrap.style.paddingRight = `${pad}px`;
      }
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
    // The new padding can scroll a table of marks back to its start: its chosen column comes into view again.
    KR.showChosenColumns?.();
  }

  /** The theme's button says which colour theme is in use (in a word beside its icon) and what a tap switches to (its
   * name and tooltip), in the build's words for the
   * theme's mode and the device's preference (browser.theme_names): the tap that goes from the device's own look to
   * following the device changes nothing visible, and the name says why. Bootstrap keeps a tooltip's text in
   * data-bs-original-title once it has set the tooltip up. */
  function nameThemeButton() {
    const prefersDark = window.matchMedia("(prefers-color-scheme: dark)");
    const name = () => {
      const mode = document.documentElement.dataset.mode || "auto";
      const prefers = prefersDark.matches ? "dark" : "light";
      const label = D.themeNames?.[[mode, prefers].join("|")];
      if (!label) return;
      for (const button of document.querySelectorAll(".theme-switch-button")) {
        // The theme in use in a word beside the icon (a phone shows no tooltip), the build's word.
        let word = button.querySelector(".kr-theme-word");
        if (!word)
          word = button.appendChild(Object.assign(document.createElement("span"), { className: "kr-theme-word" }));
        word.textContent = D.themeWords?.[mode] ?? "";
        button.setAttribute("aria-label", label);
        button.setAttribute(button.hasAttribute("data-bs-original-title") ? "data-bs-original-title" : "title", label);
        // A tooltip already open keeps the text it was opened with: it said the theme before the tap.
        const open = document.getElementById(button.getAttribute("aria-describedby") || "");
        const inner = open?.querySelector(".tooltip-inner");
        if (inner) inner.textContent = label;
      }
    };
    new MutationObserver(name).observe(document.documentElement, { attributeFilter: ["data-mode"] });
    prefersDark.addEventListener("change", name);
    name();
  }

  function init() {
    const t0 = performance.now();
    buildControl();
    setupBar();
    nameThemeButton();
    translateSearch();
    document.addEventListener("DOMContentLoaded", spaceSearchSnippets); // after Sphinx's deferred searchtools.js
    noteSearchAsFiles();
    KR.setupCharts();
    KR.setupCompare();
    // An address without a choice takes the reader's last one (KR.opening) and says it; one with a choice wins. A
    // municipality the book does not have (a mistyped link) is said so, and the last choice stays: the notice says
    // which the page shows, the last choice or all municipalities.
    const read = KR.opening(window.location.search);
    // A municipality's page changes no choice: it shows its own municipality and the reader's choice stands
    // (apply; docs/adr/0058).
    if (read.recalled) KR.writeUrl(read.state);
    if (read.unknown) {
      ui.notice.hidden = false;
      // Filled a moment after it is shown, so screen readers announce it.
      const kept = read.state.kommune !== D.all;
      const notice = document
        .querySelector(kept ? "template.kr-filter-unknown-recalled" : "template.kr-filter-unknown")
        .content.cloneNode(true);
      notice.querySelector(".kr-filter-value").textContent = read.raw; // the build wrote the sentence around it
      if (kept)
        notice.querySelector(".kr-filter-choice").textContent =
          D.kommuner.find((k) => k.code === read.state.kommune)?.name ?? "";
      window.setTimeout(() => {
        ui.notice.replaceChildren(notice);
      }, 50);
    }
    // Canonical address: the slug, never the code; an unknown value is dropped.
    if (read.raw !== null && (read.unknown || read.raw !== KR.slugOf(read.state.kommune))) KR.writeUrl(read.state);
    const shown = apply(read.state, t0, true);
    window.KR_FILTER.ready = shown.then(() => {
      window.KR_FILTER.firstViewAt = performance.now();
      keepLines(); // the lines as the first view left them, empty too
      markScrollables();
    });
    window.KR_FILTER.state = KR.chosen; // the reader's choice (a municipality's page shows its own: KR.state)
    openAtSearchHit(window.KR_FILTER.ready);
    window.addEventListener("popstate", (event) => {
      const s = KR.readQuery(window.location.search).state;
      if (s.kommune !== KR.choice || s.inferred !== KR.state.inferred)
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
    // On a phone the page's contents open as a drawer over the page: a tapped heading closes it, so the reader
    // sees where it leads (the theme keeps the drawer open in a checkbox).
    document.addEventListener("click", (event) => {
      const drawer = document.getElementById("pst-secondary-sidebar-checkbox");
      const link = event.target.closest?.(".bd-sidebar-secondary a[href]");
      if (drawer?.checked && link?.getAttribute("href").startsWith("#")) drawer.checked = false;
    });
    window.addEventListener("resize", markScrollables);
    document.addEventListener("toggle", markScrollables, true); // a table in an opened disclosure gets its width
    closeDrawersOnReturn();
    showCurrentChapter();
  }

  /** On a desktop the chapter list scrolls inside the sidebar (lesning.css); the current page's link is brought into
   * the list's view only when it is out of it, so the book's title and the list's start stay where they are. */
  function showCurrentChapter() {
    const list = document.querySelector(".bd-docs-nav")?.closest(".sidebar-primary-item");
    const current = [...(list?.querySelectorAll(".active > a") ?? [])].pop();
    if (!current || list.scrollHeight <= list.clientHeight) return;
    const shown = list.getBoundingClientRect();
    const link = current.getBoundingClientRect();
    if (link.top < shown.top || link.bottom > shown.bottom)
      list.scrollTop += link.top - shown.top - (shown.height - link.height) / 2;
  }

  /** The theme keeps its phone drawers (the chapter menu and the page's contents) open in two checkboxes, and a
   * browser restores a checkbox's state when the reader comes back with Back (form restoration, or the whole page
   * from the back-forward cache): the menu covered the page the reader returned to. A page shown again opens with
   * both drawers closed. */
  function closeDrawersOnReturn() {
    const drawers = ["pst-primary-sidebar-checkbox", "pst-secondary-sidebar-checkbox"]
      .map((id) => document.getElementById(id))
      .filter(Boolean);
    const close = () => {
      for (const drawer of drawers) drawer.checked = false;
    };
    // Not remembered as form state in the first place, and closed at once (restoration may already have happened).
    for (const drawer of drawers) drawer.autocomplete = "off";
    close();
    window.addEventListener("pageshow", close);
  }

  init(); // a deferred script: the page is parsed
})(window.KR);
