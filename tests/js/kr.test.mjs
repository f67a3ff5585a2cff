// Unit tests of the filter's pure functions and its list arrangement on a small fixture page (no book build).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import { parseHTML } from "linkedom";

const require = createRequire(import.meta.url);
const here = new URL(".", import.meta.url);
const { window, document } = parseHTML(readFileSync(new URL("fixture.html", here), "utf8"));
window.KR_DATA = {
  all: "alle",
  // As views.state_keys and views.nearest_views name them (the build publishes both; the script builds no name).
  keys: { alle: ["alle", "alle|uden-udledte"], 259: ["259", "259|uden-udledte"], 240: ["240", "240|uden-udledte"] },
  nearest: {
    alle: ["alle"],
    "alle|uden-udledte": ["alle|uden-udledte", "alle"],
    259: ["259", "alle"],
    "259|uden-udledte": ["259|uden-udledte", "259", "alle"],
    240: ["240", "alle"],
    "240|uden-udledte": ["240|uden-udledte", "240", "alle"],
  },
  pageSize: 2,
  cardFields: ["anchor", "lang", "turns", "tied", "name", "ingredients"],
  more: "Vis flere kort",
  kommuner: [
    { code: "259", slug: "koege", name: "Køge" },
    { code: "240", slug: "egedal", name: "Egedal" },
  ],
  // As render/browser.py publishes them: filters.spellings' table and words.folded_name's rule.
  spellings: { alle: "alle", 259: "259", koege: "259", 240: "240", egedal: "240" },
  fold: {
    pairs: [
      ["å", "aa"],
      ["æ", "ae"],
      ["ø", "oe"],
    ],
    drops: "[\\s\\-\\u2010\\u2013._']+",
  },
  sentences: {},
  inferredByDefault: false, // views.INFERRED_BY_DEFAULT (docs/adr/0033)
  switchable: true, // views.switchable: the fixture's views hold both positions of the inferred switch
};
globalThis.window = window;
globalThis.document = document;
// The browser's CSS.escape, which linkedom lacks (KR.updateMarks names the chosen code in a quoted attribute
// selector): within quotes only a quote and a backslash need escaping, and the fixture's codes hold neither.
globalThis.CSS = { escape: (value) => String(value).replace(/["\\]/g, "\\$&") };
require("../../book/_static/kr-state.js");
require("../../book/_static/kr-lists.js");
require("../../book/_static/kr-charts.js");
const KR = window.KR;

test("a municipality is found by slug, code or name, and unknown values are null", () => {
  assert.equal(KR.lookup("koege"), "259");
  assert.equal(KR.lookup("259"), "259");
  assert.equal(KR.lookup(" KØGE "), "259");
  assert.equal(KR.lookup(""), "alle");
  assert.equal(KR.lookup("atlantis"), null);
});

test("a municipality is found as a Danish reader spells it: å, æ, ø as aa, ae, oe; no case, spaces, hyphens", () => {
  for (const typed of ["Køge", "koege", "KOEGE", "kø-ge", "k ø g e", "Koe.ge"])
    assert.equal(KR.lookup(typed), "259", typed);
  // Only the table's keys count: an object's own property names are no municipality.
  for (const typed of ["constructor", "__proto__", "toString"]) assert.equal(KR.lookup(typed), null, typed);
});

test("the query string reads the state and flags an unknown municipality", () => {
  assert.deepEqual(KR.readQuery("?kommune=egedal&udledte=nej").state, { kommune: "240", inferred: false });
  assert.deepEqual(KR.readQuery("?kommune=egedal&udledte=ja").state, { kommune: "240", inferred: true });
  const read = KR.readQuery("?kommune=atlantis");
  assert.equal(read.unknown, true);
  assert.equal(read.state.kommune, "alle");
});

test("links keep their path, other parameters and fragment, and take the state's slug", () => {
  const s = { kommune: "259", inferred: false };
  assert.equal(KR.withState("../a.html?x=1#top", s), "../a.html?x=1&kommune=koege#top");
  // No choice, and none kept as the last: the address says none (reader review 5).
  assert.equal(KR.withState("a.html?kommune=egedal", { kommune: "alle", inferred: false }), "a.html");
  assert.equal(KR.keyOf(s), "259|uden-udledte");
});

test("a page opens with the inferred ties off; only ?udledte=ja turns them on, and links carry it", () => {
  // Issue 21, the reading's #1 (docs/adr/0033): an inferred tie with the report's role can point to one person.
  assert.deepEqual(KR.readQuery("").state, { kommune: "alle", inferred: false });
  assert.deepEqual(KR.readQuery("?kommune=koege").state, { kommune: "259", inferred: false });
  assert.deepEqual(KR.readQuery("?udledte=ja").state, { kommune: "alle", inferred: true });
  assert.equal(KR.withState("a.html", { kommune: "259", inferred: true }), "a.html?kommune=koege&udledte=ja");
  assert.equal(KR.state.inferred, false, "the state before any choice");
});

test("only relative links to book pages carry the state", () => {
  assert.equal(KR.isBookPage("kommuner/profil-koege.html#x"), true);
  for (const href of [
    "#top",
    "/abs.html",
    "https://example.org/a.html",
    "javascript:alert(1)",
    "_static/a.html",
    "data.csv",
  ]) {
    assert.equal(KR.isBookPage(href), false, href);
  }
});

test("a list is arranged as the view says: chosen first and marked (a card from its JSON row), the rest there", () => {
  assert.deepEqual(
    KR.updateLists({ kommune: "259", inferred: true }),
    { any: true, marked: true, inferred: false },
    "the page has arranged lists, and a card of the chosen municipality is marked",
  );
  const chosen = document.querySelector("[data-kr-group=chosen]");
  assert.equal(chosen.hidden, false);
  assert.equal(chosen.querySelector(".kr-group-heading").textContent, "Køge: 1");
  assert.deepEqual(
    [...chosen.querySelectorAll(".kr-card")].map((c) => c.id),
    ["c"],
  );
  assert.ok(chosen.querySelector("#c").classList.contains("kr-chosen"));
  const none = document.querySelector("[data-kr-group=none]");
  assert.deepEqual(
    [...none.querySelectorAll(".kr-card")].map((c) => c.id),
    ["a", "b"],
  );
  const other = document.querySelector("[data-kr-group=other]");
  assert.equal(other.querySelectorAll(".kr-card").length, 0, "the rest: no card left for other municipalities");
  assert.equal(other.closest("details"), null, "other municipalities' cards are never folded away");
  assert.equal(document.querySelector("[data-kr-group=all]").hidden, true);
});

test("back to all municipalities puts every card in report order, unmarked", () => {
  assert.deepEqual(
    KR.updateLists({ kommune: "alle", inferred: true }),
    { any: true, marked: false, inferred: false },
    "nothing marked",
  );
  const all = document.querySelector("[data-kr-group=all]");
  assert.equal(all.hidden, false);
  assert.deepEqual(
    [...all.querySelectorAll(".kr-card")].map((c) => c.id),
    ["a", "b"],
  );
  assert.ok(![...all.querySelectorAll(".kr-card")].some((c) => c.classList.contains("kr-chosen")));
  // pageSize is 2 in the fixture: the third card waits behind the button, out of the page.
  assert.equal(all.querySelector("#c"), null);
  assert.equal(all.querySelector(".kr-more").hidden, false);
});

test("rows about the chosen municipality are marked", () => {
  KR.updateMarks({ kommune: "240", inferred: true });
  assert.deepEqual(
    [...document.querySelectorAll("tr.kr-chosen")].map((r) => r.dataset.krMark),
    ["240"],
  );
});

test("a table of marks puts the rows the build names for a choice first, marked, an open panel under its row", () => {
  const order = () => [...document.querySelectorAll("#grid tbody > tr")].map((r) => r.id);
  const marked = (css) => [...document.querySelectorAll(`#grid tr.${css}`)].map((r) => r.id);
  KR.updateMarks({ kommune: "240", inferred: true });
  assert.deepEqual(order(), ["r3", "panel", "r4", "r1", "r2"]);
  assert.deepEqual(marked("kr-holds-chosen"), ["r3", "r4"]);
  assert.deepEqual(marked("kr-chosen-last"), ["r4"]);
  KR.updateMarks({ kommune: "259", inferred: true });
  assert.deepEqual(order(), ["r1", "r3", "panel", "r2", "r4"], "from one choice to another");
  assert.deepEqual(marked("kr-chosen-last"), ["r3"]);
  KR.updateMarks({ kommune: "alle", inferred: true });
  assert.deepEqual(order(), ["r1", "r2", "r3", "panel", "r4"], "back in the table's order");
  assert.deepEqual(marked("kr-holds-chosen"), []);
  assert.deepEqual(marked("kr-chosen-last"), []);
});

test("a chart shows the nearest variant the build made for a state", () => {
  const variants = { alle: 0, 259: 1, "259|uden-udledte": 2, 240: 3 };
  assert.equal(KR.variantKey(variants, "259|uden-udledte"), "259|uden-udledte");
  assert.equal(KR.variantKey(variants, "240|uden-udledte"), "240");
  assert.equal(KR.variantKey({ alle: 0 }, "240"), "alle");
});

test("a long list's cards are made from its rows when first shown, and put in place like the others", () => {
  const list = document.getElementById("long");
  KR.updateLists({ kommune: "240", inferred: true });
  const chosen = list.querySelector("[data-kr-group=chosen]");
  assert.deepEqual(
    [...chosen.querySelectorAll(".kr-card")].map((c) => c.id),
    ["f"],
  );
  assert.deepEqual(
    [...list.querySelectorAll("[data-kr-group=none] .kr-card")].map((c) => c.id),
    ["d", "e"],
  );
  KR.updateLists({ kommune: "alle", inferred: true });
  assert.equal(list.querySelector("#f"), null, "past the first page again");
  list.querySelector("[data-kr-group=all] .kr-more").onclick();
  assert.deepEqual(
    [...list.querySelectorAll(".kr-card")].map((c) => c.id),
    ["d", "e", "f"],
    "made once, shown in report order",
  );
});

test("a list's rows moved beside the page are read from its index, in order, between those still on it", () => {
  const list = document.createElement("section");
  list.innerHTML =
    '<script type="application/json" class="kr-list-rows" data-kr-count="1">[["a"]]</script>' +
    '<script type="application/json" class="kr-list-rows-index">[[10,"side.kr-1.js"],[3,"side.kr-2.js"]]</script>';
  const islands = KR.rowIslands(list);
  assert.deepEqual(
    islands.map((island) => [Number(island.dataset.krCount), island.dataset.krSrc || ""]),
    [
      [1, ""],
      [10, "side.kr-1.js"],
      [3, "side.kr-2.js"],
    ],
  );
  const template = document.createElement("template");
  template.innerHTML = '<article class="kr-card"></article>';
  assert.equal(KR.rowCards(template, islands).length, 14, "a card for each row the index counts");
});

/** A node as text with its attributes in name order (linkedom keeps them in the order they were set). */
const shape = (node) =>
  node.nodeType === 3
    ? node.textContent
    : `<${node.localName}${[...node.attributes]
        .map((a) => ` ${a.name}="${a.value}"`)
        .sort()
        .join("")}>${[...node.childNodes].map(shape).join("")}</${node.localName}>`;

test("a card is filled from its row with text and attributes only, each optional part kept or dropped", () => {
  const template = document.querySelector("#long > template.kr-list-card");
  const card = (row) => KR.fill(template.content.firstElementChild.cloneNode(true), row);
  const single = card(["e", null, [{ text: "<img src=x onerror=alert(1)>" }], 0, "Køge", "i3 i1"]);
  assert.equal(
    shape(single),
    '<article class="kr-card" id="e"><p><img src=x onerror=alert(1)></p><ul><li>3</li><li>1</li></ul></article>',
  );
  assert.equal(single.querySelector("img"), null, "text from a row is text");
  const exchange = card([
    "f",
    "en",
    [
      { css: "kr-turn", speaker: "A: ", text: "Hej" },
      { css: "kr-turn", speaker: "B: ", text: "Dav" },
    ],
    1,
    "Egedal",
    "",
  ]);
  assert.equal(
    shape(exchange),
    '<article class="kr-card" id="f" lang="en">' +
      '<p class="kr-turn"><b>A: </b>Hej</p><p class="kr-turn"><b>B: </b>Dav</p>' +
      "<p>Kommune: <strong>Egedal</strong></p></article>",
  );
});

test("a chart point's drill-through is what the build published for it: quote ids and heading", () => {
  const drill = [
    ["q1 q2", "Køge · Musik: 2 citater"],
    ["", "Egedal · Dans: 0 citater"],
  ];
  assert.deepEqual(KR.pointDrill(drill, { customdata: 0 }), drill[0]);
  const heatmap = { data: { customdata: [[1, 0]] }, pointNumber: [0, 1] };
  assert.deepEqual(KR.pointDrill(drill, heatmap), drill[0]);
  assert.deepEqual(KR.pointDrill(drill, { data: { customdata: [1] }, pointIndex: 0 }), drill[1]);
});

test("the last choice is recalled from storage; a bad stored value counts as none and is removed", () => {
  const items = new Map();
  globalThis.localStorage = {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k),
  };
  assert.equal(KR.recall(), null, "nothing stored");
  KR.remember({ kommune: "240", inferred: true });
  assert.deepEqual(JSON.parse(items.get("kr-valg")), { kommune: "egedal" }, "the switch is not kept");
  assert.deepEqual(KR.recall(), { kommune: "240" });
  KR.remember({ kommune: "alle", inferred: false });
  assert.deepEqual(KR.recall(), { kommune: "alle" });
  const bad = ["5", '"egedal"', "[1,2]", "{", "true", '{"kommune":"atlantis","inferred":true}', '{"inferred":true}'];
  for (const broken of [...bad, '{"kommune":7,"inferred":true}', '{"kommune":"","inferred":false}']) {
    items.set("kr-valg", broken);
    assert.equal(KR.recall(), null, broken);
    assert.equal(items.has("kr-valg"), false, `${broken} is removed`);
  }
  globalThis.localStorage = {
    getItem: () => {
      throw new Error("SecurityError");
    },
    setItem: () => {
      throw new Error("SecurityError");
    },
    removeItem: () => {
      throw new Error("SecurityError");
    },
  };
  assert.equal(KR.recall(), null, "refused storage");
  KR.remember({ kommune: "259", inferred: true }); // no throw
  delete globalThis.localStorage;
});

test("an address that sets only the switch keeps the remembered municipality", () => {
  // Hostile round 13, #11: ?udledte=nej showed "Ingen kommune valgt" and stored "alle" over the remembered choice.
  const items = new Map([["kr-valg", JSON.stringify({ kommune: "koege" })]]);
  globalThis.localStorage = { getItem: (k) => items.get(k) ?? null, setItem: () => {}, removeItem: () => {} };
  try {
    assert.deepEqual(
      KR.opening("?udledte=ja").state,
      { kommune: "259", inferred: true },
      "the switch from the address",
    );
    assert.deepEqual(KR.opening("?q=kultur").state, { kommune: "259", inferred: false }, "no choice at all");
    assert.deepEqual(KR.opening("?kommune=alle").state, { kommune: "alle", inferred: false }, "all of them named");
  } finally {
    delete globalThis.localStorage;
  }
});

test("an inferred switch an older book stored as on does not stay on: storage gives the municipality only", () => {
  // docs/adr/0033: the book before it kept {kommune, inferred: true}; a page opened afresh now shows no inferred tie.
  const items = new Map([["kr-valg", JSON.stringify({ kommune: "koege", inferred: true })]]);
  globalThis.localStorage = { getItem: (k) => items.get(k) ?? null, setItem: () => {}, removeItem: () => {} };
  try {
    assert.deepEqual(KR.opening("").state, { kommune: "259", inferred: false });
    assert.deepEqual(KR.opening("?kommune=egedal").state, { kommune: "240", inferred: false });
  } finally {
    delete globalThis.localStorage;
  }
});

test("a link made while all municipalities are shown opens showing all, whatever the last choice was", () => {
  // Hostile round 12, #4, and the code review's #19: the comparison's address after "Alle kommuner" dropped the
  // choice, so its receiver got their own remembered municipality as a third column; a link from a page showing all
  // of them, opened after another tab had chosen Egedal, showed Egedal.
  const items = new Map([["kr-valg", JSON.stringify({ kommune: "egedal" })]]);
  globalThis.localStorage = { getItem: (k) => items.get(k) ?? null, setItem: () => {}, removeItem: () => {} };
  const all = { kommune: "alle", inferred: false };
  for (const href of ["sammenligning.html?sammenlign=koege,egedal", "a.html", "a.html?kommune=koege#x"]) {
    const link = KR.withState(href, all);
    const opened = KR.opening(link.slice(link.indexOf("?")).split("#")[0]);
    assert.deepEqual(opened.state, all, link);
    assert.equal(opened.recalled, false, link);
  }
  // A comparison's columns are what its sender saw, with or without "alle" in the address.
  assert.deepEqual(KR.opening("?sammenlign=koege,egedal").state, all, "the columns named");
  assert.deepEqual(KR.opening("?kommune=atlantis").state, { kommune: "240", inferred: false }, "unknown");
  assert.deepEqual(KR.opening("?kommune=koege").state, { kommune: "259", inferred: false }, "a choice wins");
  delete globalThis.localStorage;
});
