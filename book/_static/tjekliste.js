/* tjekliste.js: the guide's checklist keeps its ticks in localStorage, across reloads and pages; its reset button
 * (markup and words from kulturensrige/guide.py) clears the list. `store` reads (no argument) or writes the ticks,
 * and gives null where the browser refuses storage (private mode, full): there the boxes last for the visit.
 * A stored value that is not an object of ticks (5, "str", [1,2], broken JSON) is read as no ticks and replaced. */
(() => {
  const key = "kr-tjekliste";
  const ticksIn = (text) => {
    try {
      const value = JSON.parse(text);
      if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
      return Object.fromEntries(Object.entries(value).filter(([, on]) => on === true));
    } catch {
      return null;
    }
  };
  const store = (ticks) => {
    try {
      if (ticks !== undefined) return localStorage.setItem(key, JSON.stringify(ticks)) || ticks;
      const text = localStorage.getItem(key);
      return ticksIn(text) || (text === null ? {} : store({}));
    } catch {
      return null;
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
