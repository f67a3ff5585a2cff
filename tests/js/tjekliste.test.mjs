// The checklist with a broken stored value: it is ignored, the boxes work, and the next tick saves again.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { parseHTML } from "linkedom";

const require = createRequire(import.meta.url);
const SCRIPT = require.resolve("../../book/_static/tjekliste.js");
const PAGE = `<div data-kr-checklist><ul>
  <li><input type="checkbox" data-kr-check="r1"></li><li><input type="checkbox" data-kr-check="r2"></li></ul>
  <p class="kr-checklist-controls" hidden><button class="kr-checklist-reset">Fjern alle flueben</button></p></div>`;

const page = (stored) => {
  const { window, document } = parseHTML(`<!doctype html><html><body>${PAGE}</body></html>`);
  const items = new Map(stored === undefined ? [] : [["kr-tjekliste", stored]]);
  globalThis.window = window;
  globalThis.document = document;
  globalThis.localStorage = {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
  };
  delete require.cache[SCRIPT];
  require(SCRIPT);
  const boxes = [...document.querySelectorAll("input")];
  const change = (box, on) => {
    box.checked = on;
    box.dispatchEvent(new window.Event("change"));
  };
  return { document, boxes, change, saved: () => items.get("kr-tjekliste") };
};

for (const broken of ["5", '"str"', "[1,2]", "{", "null", "true"]) {
  test(`a stored ${broken} is ignored and repaired, and ticking saves again`, () => {
    const { document, boxes, change, saved } = page(broken);
    assert.equal(document.querySelector(".kr-checklist-controls").hidden, false, "the list is a saved checklist");
    assert.deepEqual(
      boxes.map((b) => b.checked),
      [false, false],
    );
    change(boxes[1], true);
    assert.deepEqual(JSON.parse(saved()), { r2: true });
    document.querySelector(".kr-checklist-reset").dispatchEvent(new globalThis.window.Event("click"));
    assert.deepEqual(JSON.parse(saved()), {});
  });
}

test("a good stored value still ticks its boxes", () => {
  const { boxes } = page('{"r1":true}');
  assert.deepEqual(
    boxes.map((b) => b.checked),
    [true, false],
  );
});
