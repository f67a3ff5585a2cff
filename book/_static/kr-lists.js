/* kr-lists.js: lists, marked rows, profile hints and the comparison's columns follow the chosen view.
 * A list's views (script.kr-list-views, from kulturensrige/highlight.py) say which cards go in which group
 * and every heading and sentence; this file moves the book's own cards into place and fills in the words. */
((KR) => {
  const D = KR.data;
  /** A card from a row: each [data-kr] of a copy of the build's one card <template> (templates/cards.html.j2
   * says what each does) takes text and attributes from the row's fields (D.cardFields); it builds no markup. */
  KR.fill = (root, row) => {
    const value = (name) => (Array.isArray(row) ? row[D.cardFields.indexOf(name)] : row[name]);
    for (const part of root.querySelectorAll("[data-kr^='each:']")) {
      for (const item of value(part.dataset.kr.split(" ")[0].slice(5))) {
        const copy = part.cloneNode(true);
        copy.dataset.kr = copy.dataset.kr.replace(/^\S+ ?/, "");
        part.before(KR.fill(copy, item));
      }
      part.remove();
    }
    for (const node of [root, ...root.querySelectorAll("[data-kr]")]) {
      for (const [how, name] of (node.dataset.kr || "")
        .split(" ")
        .filter(Boolean)
        .map((spec) => spec.split(":"))) {
        const v = value(name);
        if (how[0] === "@")
          v === null || v === undefined ? node.removeAttribute(how.slice(1)) : node.setAttribute(how.slice(1), v);
        // A quote's lines with a <br> between them, as the template's lines() macro sets them (normalize drops the
        // empty text between two <br>, which the parsed card does not have).
        // A card's facts the report does not state (cards.unstated_facts): their label and value go, highest first,
        // as the card Python renders has them in one line after its facts.
        else if (how === "unstated")
          for (const i of [...v].reverse())
            for (const cell of [...node.children].slice(2 * i, 2 * i + 2)) cell.remove();
        else if (how === "append") {
          node.append(...v.split("\n").flatMap((line, i) => (i ? [document.createElement("br"), line] : [line])));
          node.normalize();
        } else if (!v) node.remove();
        else if (how === "text") node.textContent = v;
        // A value with whose it is (cards.Sourced): [pieces, mark, its title] into the text and the template's light
        // mark, whose title says the kind of the editors' work (ADR 38).
        else if (how === "sourced" && Array.isArray(v)) {
          const mark = node.querySelector(":scope > .kr-by");
          // The value's pieces, each [text, its own mark or ""], as the macro sets them (cards.Sourced.parts): a
          // piece's own mark has no title.
          const pieces = v[0].flatMap(([text, own]) => {
            if (!own) return [text];
            const span = mark.cloneNode();
            span.textContent = own;
            return [text, " ", span];
          });
          mark.textContent = v[1];
          mark.title = v[2];
          // No mark of its own where its block says it once (cards.lift_marks): the template's light mark goes.
          node.replaceChildren(...pieces, ...(v[1] ? [" ", mark] : []));
          node.normalize(); // one text node per run of text, as the parsed card has
        } else if (how === "sourced") node.textContent = v;
        else if (how === "pick")
          node.replaceChildren(
            // Every part an option names: an inferred tie has one for each position of the switch (ADR 33).
            ...v.split(" ").flatMap((id) => Array.from(node.children).filter((o) => o.dataset.krOption === id)),
          );
      }
      node.removeAttribute("data-kr");
    }
    for (const option of root.querySelectorAll("[data-kr-option]")) option.removeAttribute("data-kr-option");
    return root;
  };
  /** A list's or store's row islands in order: those on the page, and those the build moved beside it, which its
   * index names as [count, file] (extension.side_files); each as KR.side and KR.rowCards read an island. */
  KR.rowIslands = (container) =>
    Array.from(container.querySelectorAll(":scope > script.kr-list-rows, :scope > script.kr-list-rows-index")).flatMap(
      (island) =>
        island.classList.contains("kr-list-rows-index")
          ? JSON.parse(island.textContent).map(([count, src]) => ({ dataset: { krCount: count, krSrc: src } }))
          : [island],
    );
  /** Cards from JSON rows (cards.row_islands): per row, in order, a function that makes its card; a card from an island
   * the book moved beside the page takes its place at once, busy, and is filled when the island's file is there
   * (KR.side). */
  KR.rowCards = (template, islands, finish = (card) => card) =>
    Array.from(islands).flatMap((island) =>
      Array.from({ length: Number(island.dataset.krCount) }, (_, i) =>
        Object.assign(
          () => {
            const card = template.content.firstElementChild.cloneNode(true);
            island.krRows ||= island.dataset.krSrc ? null : JSON.parse(island.textContent);
            if (island.krRows) return finish(KR.showInferred(KR.fill(card, island.krRows[i])));
            card.setAttribute("aria-busy", "true");
            KR.side(island)
              .then(
                (rows) => {
                  finish(KR.showInferred(KR.fill(card, rows[i])));
                },
                () => {
                  KR.sideMissing(card);
                },
              )
              .finally(() => {
                card.removeAttribute("aria-busy");
              });
            return card;
          },
          { island },
        ),
      ),
    );
  /** The list's cards in report order: those on the page and, made when first shown, those of its JSON rows (a function
   * until then). */
  function cardsOf(list) {
    if (!list.krCards) {
      const template = list.querySelector(":scope > template.kr-list-card");
      list.krCards = Array.from(list.querySelectorAll("[data-kr-group=all] > .kr-card")).concat(
        template ? KR.rowCards(template, KR.rowIslands(list)) : [],
      );
    }
    return list.krCards;
  }
  /** Show a group's first page of cards (card(i) gives the i-th); a button shows the next page (D.more names it). */
  KR.paginate = (container, cards, card = (i) => cards[i]) => {
    let shown = D.pageSize;
    const more = Object.assign(document.createElement("button"), {
      type: "button",
      className: "kr-more",
      textContent: D.more,
    });
    function update() {
      for (let i = 0; i < Math.min(shown, cards.length); i++) container.append(card(i));
      more.hidden = cards.length <= shown;
      container.append(more);
    }
    more.onclick = () => {
      const first = card(shown);
      shown += D.pageSize;
      update();
      first.tabIndex = -1;
      first.focus();
    };
    container.replaceChildren();
    update();
  };
  /** Arrange one list for a view: each group gets its heading and its cards in order; unused groups hide. Returns
   * whether the view marks any card (its chosen group holds some) and whether the inferred switch changes what it
   * marks. */
  KR.arrange = (list, views, key) => {
    const cards = cardsOf(list);
    const view = views.views[key] || views.views[D.all];
    const placed = new Set();
    for (const card of cards) if (card.remove) card.remove();
    list.querySelectorAll("[data-kr-group]").forEach((group) => {
      group.hidden = true;
    });
    view.groups.forEach((entry) => {
      const group = list.querySelector(`[data-kr-group=${entry[0]}]`);
      const heading = group.querySelector(":scope > .kr-group-heading");
      // Positions, or the name of a list stated once ("on"/"off"), or "rest": the cards no group has taken.
      const positions =
        entry[2] === "rest" ? cards.map((_, i) => i).filter((i) => !placed.has(i)) : views.shared[entry[2]] || entry[2];
      for (const i of positions) placed.add(i);
      if (heading) heading.textContent = entry[1];
      KR.paginate(group.querySelector(":scope > .kr-group-cards") || group, positions, (k) => {
        if (typeof cards[positions[k]] === "function") cards[positions[k]] = cards[positions[k]]();
        cards[positions[k]].classList.toggle("kr-chosen", entry[0] === "chosen");
        return cards[positions[k]];
      });
      group.hidden = false;
    });
    return {
      marked: view.groups.some((entry) => entry[0] === "chosen" && (views.shared[entry[2]] || entry[2]).length > 0),
      switch: Boolean(view.switch),
    };
  };
  /** Every arranged list on the page for a state; returns whether the page has one, whether any card is marked, and
   * whether the inferred switch changes what they mark. */
  KR.updateLists = (s) => {
    const key = KR.keyOf(s);
    const lists = Array.from(document.querySelectorAll("section.kr-list")).filter((list) =>
      list.querySelector(":scope > script.kr-list-views"),
    );
    let marked = false;
    let inferred = false;
    for (const list of lists) {
      list.krViews = list.krViews || JSON.parse(list.querySelector(":scope > script.kr-list-views").textContent);
      const arranged = KR.arrange(list, list.krViews, key);
      marked = arranged.marked || marked;
      inferred = arranged.switch || inferred;
    }
    // inferred: a list says the inferred switch changes what it marks (highlight.list_view "switch")
    return { any: lists.length > 0, marked, inferred };
  };
  /** A table of marks' rows for a choice, in the order the build prepared (figures.first_in_views): the rows whose
   * data-kr-first names the chosen municipality first, marked (kr-holds-chosen: a sign and its name in bold, and a
   * rule under the last, kr-chosen-last, kommunefilter.css), then every other row in the table's order; with none
   * chosen, all in the table's order. A row's class says it, not a :has() rule, which restyled every cell of the
   * table. An open panel's row (kr-charts.js placeDrill) stays under the row it opened from. */
  const arrangeRows = (body, kommune) => {
    const rows = Array.from(body.children).filter((row) => !row.classList.contains("kr-drill-row"));
    // The table's order: as the build wrote the rows, or as its side islands put them in, all at once (fillMarks).
    if (body.krRows?.length !== rows.length) body.krRows = rows;
    const own = (row) => (row.dataset.krFirst || "").split(" ").includes(kommune);
    const first = body.krRows.filter(own);
    const chosen = new Set(first);
    const order = first.concat(body.krRows.filter((row) => !chosen.has(row)));
    for (const row of body.krRows) {
      row.classList.toggle("kr-holds-chosen", chosen.has(row));
      row.classList.toggle("kr-chosen-last", row === first.at(-1));
    }
    if (order.every((row, i) => row === rows[i])) return;
    const panel = body.querySelector(":scope > tr.kr-drill-row");
    const above = panel?.previousElementSibling;
    // Only the rows out of place move, as few as can be: those of the longest run already in the new order stay
    // (inOrder). A moved row of 98 cells (national scale) is restyled and laid out whole: moving each row that stood
    // before one still to come (the rows after a chosen municipality's until it) moved about twice as many, and a
    // choice on a phone waited for them (issue 24). From the last row up, each row that moves goes right before the
    // row that follows it in the new order.
    const stay = inOrder(order, new Map(rows.map((row, i) => [row, i])));
    let next = null; // the row after, in place; none: the table's end
    for (let i = order.length - 1; i >= 0; i--) {
      if (!stay.has(order[i])) body.insertBefore(order[i], next);
      next = order[i];
    }
    if (panel && panel.previousElementSibling !== above) above.after(panel);
  };
  /** The rows of `order` that keep their places: the longest run of them that already stands in that order (their
   * places, `at`, rising), as a set. */
  const inOrder = (order, at) => {
    const ends = []; // ends[k]: the position in `order` of the run of k + 1 rows whose last place is lowest
    const before = []; // before[i]: the position in `order` of the row before order[i] in its run
    order.forEach((row, i) => {
      let [low, high] = [0, ends.length];
      while (low < high) {
        const middle = (low + high) >> 1;
        if (at.get(order[ends[middle]]) < at.get(row)) low = middle + 1;
        else high = middle;
      }
      before[i] = low ? ends[low - 1] : -1;
      ends[low] = i;
    });
    const stay = new Set();
    for (let i = ends.at(-1) ?? -1; i >= 0; i = before[i]) stay.add(order[i]);
    return stay;
  };
  /** The tables of marks whose rows wait for the choice's order: a table the browser skips far from the screen
   * (KR.skipped) is arranged as it comes near (kr-charts.js marksNear), before it is printed, and before the bar
   * brings the reader to the first of what the choice marks. A row moved restyles every row after it (the theme's
   * rules on sibling elements) and the table is laid out again: at national scale, the table above the comparison's
   * chart, skipped but within the browser's own margin, was most of a choice's work on a slow phone (issue 24). */
  const rowsWaiting = new Set();
  KR.arrangeWaiting = (root = document) => {
    for (const body of rowsWaiting)
      if (root.contains(body)) {
        rowsWaiting.delete(body);
        arrangeRows(body, KR.state.kommune);
      }
  };
  window.addEventListener("beforeprint", () => KR.arrangeWaiting());
  /** Rows and items about one municipality are marked when it is chosen. */
  KR.updateMarks = (s) => {
    // Only the marks whose state may change are visited, the chosen ones and the newly chosen: the page's every mark
    // was 5,500 at national scale (issue 24). The selector list has no space after its comma: a quoted string with a
    // space reads as words to tests/test_javascript.py's check that no script holds a sentence.
    for (const node of document.querySelectorAll(`[data-kr-mark].kr-chosen,[data-kr-mark="${CSS.escape(s.kommune)}"]`))
      node.classList.toggle("kr-chosen", node.dataset.krMark === s.kommune);
    for (const body of document.querySelectorAll(".kr-marks > tbody"))
      if (KR.skipped(body)) rowsWaiting.add(body);
      else {
        rowsWaiting.delete(body);
        arrangeRows(body, s.kommune);
      }
    // A table of marks with a chosen column, whose other marks recede (kommunefilter.css), said the same way.
    for (const table of document.querySelectorAll(".kr-marks"))
      table.classList.toggle("kr-holds-chosen", Boolean(table.querySelector("td.kr-chosen")));
  };
  /** The comparison: the chosen municipality stands first, the page's own boxes pick the others beside it. A box
   * the filter's choice ticks is the reader's own pick again when the choice moves on (box.krPicked), and the
   * address names the reader's own picks (?sammenlign=a,b, replaced rather than pushed): with ?kommune= it says
   * exactly the columns shown, and the page's first pair is said by no parameter. */
  KR.updateCompare = (s) => {
    document.querySelectorAll(".kr-compare").forEach((compare) => {
      const boxes = Array.prototype.slice.call(compare.querySelectorAll(".kr-compare-choices input[type=checkbox]"));
      // The page's own first pair is no pick: an address that names none opens with it (record 26). Only the reader's
      // own picks are said, so a page opened, or a drill panel opened on it, adds nothing to the address.
      const own = compare.krOwn || boxes.some((box) => box.krPicked !== box.defaultChecked);
      // A choice stands first within the page's own pair, adding no column (ADR 67): a chosen municipality not in it
      // takes the pair's last place, as the reader's own picks never lose one.
      const pair = boxes.filter((box) => box.defaultChecked);
      const yields = !own && !pair.some((box) => box.value === s.kommune) && s.kommune !== D.all ? pair.at(-1) : null;
      for (const box of boxes)
        Object.assign(box, {
          disabled: box.value === s.kommune,
          checked: box.value === s.kommune || (box.krPicked && box !== yields),
        });
      const picks = boxes.filter((box) => box.krPicked).map((box) => KR.slugOf(box.value));
      const params = new URLSearchParams(window.location.search);
      const said = own ? picks.join(",") : null;
      if (params.get("sammenlign") !== said) {
        if (own) params.set("sammenlign", said);
        else params.delete("sammenlign");
        const query = params.toString();
        const search = query ? `?${query}` : window.location.pathname;
        window.history.replaceState(window.history.state, "", search + window.location.hash);
      }
      const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
      for (const column of compare.querySelectorAll("[data-compare]")) {
        column.hidden = chosen.indexOf(column.dataset.compare) < 0;
        // A column not shown first may wait in a side island (comparison.py): its markup comes when it is picked.
        const island = column.hidden ? null : column.querySelector(":scope > script.kr-compare-side");
        if (island)
          KR.side(island).then(
            (html) => {
              island.remove();
              column.append(KR.showInferred(KR.parse(html)));
            },
            () => {
              KR.sideMissing(column);
            },
          );
        column.classList.toggle("kr-chosen", column.dataset.compare === s.kommune);
      }
      // The row of the shown columns' names (comparison.compare_view), as the columns.
      for (const name of compare.querySelectorAll("[data-compare-name]")) {
        name.hidden = chosen.indexOf(name.dataset.compareName) < 0;
        name.classList.toggle("kr-chosen", name.dataset.compareName === s.kommune);
      }
      compare.querySelector(".kr-compare-status").textContent = D.compare[chosen.length];
      // Why the first columns stand side by side (comparison.compare_view) is said only while they are the ones shown.
      const firstShown = compare.querySelector(".kr-compare-default");
      if (firstShown) firstShown.hidden = boxes.some((box) => box.checked !== box.defaultChecked);
      // Why the page's first one stays where a choice took the last one's place: the chosen one's sentence
      // (comparison.compare_view).
      for (const yielded of compare.querySelectorAll("[data-compare-yields]"))
        yielded.hidden = !yields || yielded.dataset.compareYields !== s.kommune;
      // Measured in the next frame, once the choice has changed the page: read here, the columns' width laid the page
      // out in the middle of the choice's changes, and again after them (issue 24).
      window.requestAnimationFrame(() => hintScrolling(compare));
    });
  };
  /** The build's sentence that the row scrolls is shown while its columns are wider than their frame. */
  const hintScrolling = (compare) => {
    const frame = compare.querySelector(".kr-compare-columns");
    const hint = compare.querySelector(".kr-compare-scrolls");
    const hidden = frame && frame.scrollWidth <= frame.clientWidth + 1;
    if (frame && hint && hint.hidden !== hidden) hint.hidden = hidden;
  };
  /** The reader's picks: the address's (?sammenlign=, even empty: a shared link shows what its sender saw), or the
   * boxes the page arrives with ticked. */
  KR.setupCompare = () => {
    document.querySelectorAll(".kr-compare").forEach((compare) => {
      window.addEventListener("resize", () => hintScrolling(compare));
      // The row of names over the columns follows them sideways (kommunefilter.css .kr-compare-names).
      const frame = compare.querySelector(".kr-compare-columns");
      const names = compare.querySelector(".kr-compare-names");
      frame?.addEventListener(
        "scroll",
        () => {
          if (names) names.scrollLeft = frame.scrollLeft;
        },
        { passive: true },
      );
      const boxes = compare.querySelectorAll(".kr-compare-choices input[type=checkbox]");
      const params = new URLSearchParams(window.location.search);
      const wanted = params.has("sammenlign") ? params.get("sammenlign").split(",").map(KR.lookup) : null;
      // An address that names picks names the reader's own, even the page's pair (a sender's ticks are kept).
      compare.krOwn = Boolean(wanted);
      boxes.forEach((box) => {
        box.krPicked = wanted ? wanted.indexOf(box.value) >= 0 : box.checked;
        box.addEventListener("change", () => {
          // A tick is the reader's own from then on: the boxes as they stand are the picks (a pair's place a choice
          // took is no longer one), the chosen municipality's keeping its own.
          for (const other of boxes) if (other.value !== KR.state.kommune) other.krPicked = other.checked;
          compare.krOwn = true;
          KR.updateCompare(KR.state);
        });
      });
    });
  };
})(window.KR);
