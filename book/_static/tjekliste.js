/* tjekliste.js: the guide's checklist keeps its ticks in localStorage, across reloads and pages; its reset button
 * (markup and words from kulturensrige/guide.py) clears the list. `store` reads (no argument) or writes the ticks, and
 * gives null where the browser refuses storage; a stored value that is not an object of ticks is replaced by none. */
(() => {
  const store = (ticks) => {
    try {
      const key = "kr-tjekliste";
      if (ticks === undefined) {
        const value = JSON.parse(localStorage.getItem(key)) ?? {};
        if (typeof value === "object" && !Array.isArray(value)) return value;
      }
      localStorage.setItem(key, JSON.stringify(ticks ?? {})); // a write, or the repair of 5, "str" or [1,2]
      return ticks ?? {};
    } catch {
      return ticks === undefined ? store({}) : null; // broken JSON is repaired; refused storage gives null
    }
  };
  const tick = (box, on) => {
    const now = store() || {};
    box.checked = on;
    if (on) now[box.dataset.krCheck] = true;
    else delete now[box.dataset.krCheck];
    store(now);
  };
  for (const list of document.querySelectorAll("[data-kr-checklist]")) {
    const boxes = list.querySelectorAll("input[data-kr-check]");
    const ticks = store();
    if (ticks === null) continue; // no storage: plain checkboxes
    for (const box of boxes) {
      box.checked = ticks[box.dataset.krCheck] === true;
      box.addEventListener("change", () => tick(box, box.checked));
    }
    list.querySelector(".kr-checklist-reset").addEventListener("click", () => {
      for (const box of boxes) tick(box, false);
    });
    list.querySelector(".kr-checklist-controls").hidden = false;
  }
})();
