/* kr-lists.js: lists, marked rows, profile hints and the comparison's columns follow the chosen view.
 * A list's views (script.kr-list-views, from kulturensrige/highlight.py) say which cards go in which group
 * and every heading and sentence; this file moves the book's own cards into place and fills in the words. */
((KR) => {
  const D = KR.data;
  /** The list's cards in report order: those on the page and those waiting in its <template>. */
  function cardsOf(list) {
    if (!list.krCards) {
      const rest = list.querySelector(":scope > template.kr-list-rest");
      const all = list.querySelector("[data-kr-group=all]");
      if (rest) {
        all.append(rest.content);
        rest.remove();
      }
      list.krCards = Array.prototype.slice.call(all.querySelectorAll(":scope > .kr-card"));
    }
    return list.krCards;
  }
  /** Show the first page of a group's cards; a button shows the next page (D.more names it). */
  KR.paginate = (container, cards) => {
    let shown = D.pageSize;
    const more = container.querySelector(":scope > .kr-more") || container.appendChild(document.createElement("button"));
    Object.assign(more, { type: "button", className: "kr-more", textContent: D.more });
    function update() {
      cards.forEach((card, i) => { card.hidden = i >= shown; });
      more.hidden = cards.length <= shown;
      container.append(more);
    }
    more.onclick = () => {
      const first = cards[shown];
      shown += D.pageSize;
      update();
      first.tabIndex = -1;
      first.focus();
    };
    update();
  };
  /** Arrange one list for a view: each group gets its heading and its cards in order; unused groups hide. */
  KR.arrange = (list, views, key) => {
    const cards = cardsOf(list);
    const view = views.views[key] || views.views[D.all];
    const placed = new Set();
    list.querySelectorAll("[data-kr-group]").forEach((group) => { group.hidden = true; });
    view.groups.forEach((entry) => {
      const group = list.querySelector(`[data-kr-group=${entry[0]}]`);
      const heading = group.querySelector(":scope > .kr-group-heading");
      const container = group.querySelector(":scope > .kr-group-cards") || group;
      // Positions, or the name of a list stated once ("on"/"off"), or "rest": the cards no group has taken.
      const positions = entry[2] === "rest" ? cards.map((_, i) => i).filter((i) => !placed.has(i)) : views.shared[entry[2]] || entry[2];
      for (const i of positions) placed.add(i);
      const members = positions.map((i) => cards[i]);
      if (heading) heading.textContent = entry[1];
      members.forEach((card) => {
        card.classList.toggle("kr-chosen", entry[0] === "chosen");
        container.append(card);
      });
      KR.paginate(container, members);
      group.hidden = false;
    });
    const status = list.querySelector(":scope > .kr-list-status");
    status.textContent = view.status;
    status.hidden = key === D.all;
    return view.status;
  };
  /** Every arranged list on the page for a state; returns the lists' status sentences. */
  KR.updateLists = (s) => {
    const key = KR.keyOf(s);
    return Array.prototype.map.call(document.querySelectorAll("section.kr-list"), (list) => {
      const island = list.querySelector(":scope > script.kr-list-views");
      if (!island) return "";
      list.krViews = list.krViews || JSON.parse(island.textContent);
      return KR.arrange(list, list.krViews, key);
    }).filter(Boolean);
  };
  /** Rows and items about one municipality are marked when it is chosen; a profile page offers the chosen one's page. */
  KR.updateMarks = (s) => {
    document.querySelectorAll("[data-kr-mark]").forEach((node) => {
      node.classList.toggle("kr-chosen", node.dataset.krMark === s.kommune);
    });
    document.querySelectorAll("[data-kr-when]").forEach((node) => {
      node.hidden = node.dataset.krWhen !== s.kommune;
    });
  };
  /** The comparison: the chosen municipality stands first, the page's own boxes pick the others beside it. */
  KR.updateCompare = (s) => {
    document.querySelectorAll(".kr-compare").forEach((compare) => {
      const boxes = Array.prototype.slice.call(compare.querySelectorAll(".kr-compare-choices input[type=checkbox]"));
      boxes.forEach((box) => {
        box.disabled = box.value === s.kommune;
        if (box.disabled) box.checked = true;
      });
      const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
      compare.querySelectorAll("[data-compare]").forEach((column) => {
        column.hidden = chosen.indexOf(column.dataset.compare) < 0;
        column.classList.toggle("kr-chosen", column.dataset.compare === s.kommune);
      });
      compare.querySelector(".kr-compare-status").textContent = D.compare[chosen.length];
      compare.style.setProperty("--kr-compare-count", String(Math.max(chosen.length, 1)));
    });
  };
  /** The boxes' choice lives in the address too (?sammenlign=a,b), replaced rather than pushed. */
  KR.setupCompare = () => {
    document.querySelectorAll(".kr-compare").forEach((compare) => {
      const boxes = compare.querySelectorAll(".kr-compare-choices input[type=checkbox]");
      const wanted = (new URLSearchParams(window.location.search).get("sammenlign") || "").split(",").map(KR.lookup);
      if (wanted.some((code) => code && code !== D.all)) {
        boxes.forEach((box) => { box.checked = wanted.indexOf(box.value) >= 0; });
      }
      boxes.forEach((box) => {
        box.addEventListener("change", () => {
          KR.updateCompare(KR.state);
          const params = new URLSearchParams(window.location.search);
          const chosen = Array.prototype.filter.call(boxes, (b) => b.checked && !b.disabled);
          params.set("sammenlign", chosen.map((b) => KR.slugOf(b.value)).join(","));
          window.history.replaceState(window.history.state, "", `?${params}${window.location.hash}`);
        });
      });
    });
  };
})(window.KR);
