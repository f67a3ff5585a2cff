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
  withoutInferred: "|uden-udledte",
  pageSize: 2,
  more: "Vis flere kort",
  kommuner: [{ code: "259", slug: "koege", name: "Køge" }, { code: "240", slug: "egedal", name: "Egedal" }],
  sentences: {},
};
globalThis.window = window;
globalThis.document = document;
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

test("the query string reads the state and flags an unknown municipality", () => {
  assert.deepEqual(KR.readQuery("?kommune=egedal&udledte=nej").state, { kommune: "240", inferred: false });
  const read = KR.readQuery("?kommune=atlantis");
  assert.equal(read.unknown, true);
  assert.equal(read.state.kommune, "alle");
});

test("links keep their path, other parameters and fragment, and take the state's slug", () => {
  const s = { kommune: "259", inferred: false };
  assert.equal(KR.withState("../a.html?x=1#top", s), "../a.html?x=1&kommune=koege&udledte=nej#top");
  assert.equal(KR.withState("a.html?kommune=egedal", { kommune: "alle", inferred: true }), "a.html");
  assert.equal(KR.keyOf(s), "259|uden-udledte");
});

test("only relative links to book pages carry the state", () => {
  assert.equal(KR.isBookPage("kommuner/profil-koege.html#x"), true);
  for (const href of ["#top", "/abs.html", "https://example.org/a.html", "javascript:alert(1)", "_static/a.html", "data.csv"]) {
    assert.equal(KR.isBookPage(href), false, href);
  }
});

test("history pushes once per choice and replaces while the keyboard moves on", () => {
  const history = KR.history();
  assert.deepEqual([history.push(), history.push()], [true, true], "each pointer choice is an entry");
  history.settle();
  const keys = [0, 1, 2].map(() => {
    history.key();
    return history.push();
  });
  assert.deepEqual(keys, [true, false, false], "arrow keys in a row are one choice");
  history.settle();
  history.key();
  assert.equal(history.push(), true, "after the select lost and regained focus, a new choice");
});

test("a list is arranged as the view says: chosen first and marked, the rest still there", () => {
  const statuses = KR.updateLists({ kommune: "259", inferred: true });
  assert.deepEqual([...statuses], ["Køge: 1 · 2 uden kommune."]);
  const chosen = document.querySelector("[data-kr-group=chosen]");
  assert.equal(chosen.hidden, false);
  assert.equal(chosen.querySelector(".kr-group-heading").textContent, "Køge: 1");
  assert.deepEqual([...chosen.querySelectorAll(".kr-card")].map((c) => c.id), ["c"]);
  assert.ok(chosen.querySelector("#c").classList.contains("kr-chosen"));
  const none = document.querySelector("[data-kr-group=none]");
  assert.deepEqual([...none.querySelectorAll(".kr-card")].map((c) => c.id), ["a", "b"]);
  const other = document.querySelector("[data-kr-group=other]");
  assert.equal(other.querySelectorAll(".kr-card").length, 0, "the rest: no card left for other municipalities");
  assert.equal(document.querySelector("[data-kr-group=all]").hidden, true);
});

test("back to all municipalities puts every card in report order, unmarked", () => {
  KR.updateLists({ kommune: "alle", inferred: true });
  const all = document.querySelector("[data-kr-group=all]");
  assert.equal(all.hidden, false);
  assert.deepEqual([...all.querySelectorAll(".kr-card")].map((c) => c.id), ["a", "b", "c"]);
  assert.ok(![...all.querySelectorAll(".kr-card")].some((c) => c.classList.contains("kr-chosen")));
  // pageSize is 2 in the fixture: the third card waits behind the button.
  assert.equal(all.querySelector("#c").hidden, true);
  assert.equal(all.querySelector(".kr-more").hidden, false);
});

test("rows about the chosen municipality are marked and a profile hint names the chosen one", () => {
  KR.updateMarks({ kommune: "240", inferred: true });
  assert.deepEqual([...document.querySelectorAll("tr.kr-chosen")].map((r) => r.dataset.krMark), ["240"]);
  assert.equal(document.querySelector(".kr-profile-hint").hidden, false);
});

test("a chart shows the nearest variant the build made for a state", () => {
  const variants = { alle: 0, 259: 1, "259|uden-udledte": 2, 240: 3 };
  assert.equal(KR.variantKey(variants, "259|uden-udledte"), "259|uden-udledte");
  assert.equal(KR.variantKey(variants, "240|uden-udledte"), "240");
  assert.equal(KR.variantKey({ alle: 0 }, "240"), "alle");
});
