/*
 * kommunefilter.js: the municipality filter of the static book "Kulturens Rige".
 *
 * One small script, no framework, no request outside the book; it works from file:// too.
 * The Sphinx extension (kulturensrige/sphinx_ext.py) loads it with `defer` on every page, after
 * plotly.min.js (on pages with charts) and _static/kr-data.js (window.KR_DATA.kommuner).
 *
 * What it reads (the HTML contract written by kulturensrige/cards.py, figures.py, lists.py, comparison.py):
 *   [data-kommune]                  an item of one municipality (kommunekode; empty = not stated); a quote
 *                                   card from a cited work has none and is never hidden
 *   article.kr-quote                a quote card; data-attribution = stated | inferred | not stated
 *   section.kr-list                 a list; data-kr-noun(s), data-kr-empty ("{kommune}"), data-kr-unattributed,
 *                                   script.kr-list-rows (a long list's cards as JSON rows: rendered a page at a time),
 *                                   data-kr-scope (the one municipality a profile page's list is about)
 *   table[data-kr-filterable-table] a table whose tr[data-kommune] rows follow the filter
 *   figure.kr-figure                a chart: div.kr-plot, script.kr-figure-json {config, layouts, quoteIds, variants},
 *                                   .kr-alt p[data-variant], .kr-figure-data div[data-variant],
 *                                   div.kr-drill; script.kr-quote-store: quote rows (once per page with drill-through charts)
 *   .kr-compare                     compare view: fieldset.kr-compare-choices, section[data-compare]
 *
 * What it does:
 *   - puts one control at the top of the page content: "Kommune" (all municipalities from KR_DATA),
 *     "Medtag udledte tilknytninger", and a polite live status naming how many items match;
 *   - shows/hides the items, fills empty lists with their sentence, swaps each chart's variant
 *     (Plotly.newPlot once, then Plotly.react) with its text alternative and data table.
 *     It never computes a statistic: every number drawn comes from the JSON island;
 *   - keeps the state in the URL (?kommune=<slug>&udledte=nej), with pushState/popstate, and carries
 *     it on every link to another page of the book;
 *   - drill-through: a click on a bar or a heatmap cell lists the quotes behind the number;
 *   - compare view, CSV download of the shown rows, print heading, dark-mode chart colours;
 *   - dispatches `kr:filtered` {kommune, inferred, ms, visibleMs, initial} on document after each
 *     application: ms from the change event to the whole page updated (every Plotly promise resolved),
 *     visibleMs to the charts in view updated (they are drawn first, the rest after a paint);
 *     window.KR_FILTER.ready is a promise for the first view, window.KR_FILTER.state() the current one.
 *
 * Quotes follow kulturensrige.filters.quotes: with "Medtag udledte tilknytninger" off, quote cards
 * whose municipality is only inferred are hidden, for one municipality and for all alike, which is
 * also what the charts' "|uden-udledte" variants count.
 */
(function () {
  "use strict";

  // Jupyter Book may include a _static script a second time; run once.
  if (window.KR_FILTER) {
    return;
  }
  window.KR_FILTER = { version: 1 };

  var ALL = "alle";
  // Long lists (national-scale data) show this many cards at a time, with a button for more.
  var PAGE_SIZE = 50;
  var WITHOUT_INFERRED = "|uden-udledte";
  var KOMMUNER = (window.KR_DATA && Array.isArray(window.KR_DATA.kommuner) && window.KR_DATA.kommuner) || [];
  var BY_CODE = new Map(KOMMUNER.map(function (k) { return [k.code, k]; }));

  var state = { kommune: ALL, inferred: true };
  var ui = {};
  var items = [];
  var lists = [];
  var tables = [];
  var figures = [];

  // -- small helpers -------------------------------------------------------------------------------

  /** Create an element; text goes in through textContent only, never as markup. */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === false || value === null || value === undefined) {
        return;
      }
      if (name === "text") {
        node.textContent = value;
      } else if (value === true) {
        node.setAttribute(name, "");
      } else {
        node.setAttribute(name, value);
      }
    });
    (children || []).forEach(function (child) {
      node.append(child);
    });
    return node;
  }

  function number(n) {
    return Number(n).toLocaleString("da-DK");
  }

  function plural(n, singular, pluralForm) {
    return number(n) + " " + (n === 1 ? singular : pluralForm);
  }

  /** "a", "a og b", "a, b og c" */
  function joinDanish(parts) {
    if (parts.length < 2) {
      return parts.join("");
    }
    return parts.slice(0, -1).join(", ") + " og " + parts[parts.length - 1];
  }

  function nameOf(code) {
    return code === ALL ? "alle kommuner" : (BY_CODE.get(code) || { name: code }).name;
  }

  function slugOf(code) {
    return code === ALL ? ALL : (BY_CODE.get(code) || { slug: code }).slug;
  }

  /** A kommunekode from a slug, a code or a name (any case); ALL for empty/"alle"; null if unknown. */
  function lookup(value) {
    var wanted = String(value === null || value === undefined ? "" : value).trim().toLowerCase();
    if (!wanted || wanted === ALL) {
      return ALL;
    }
    for (var i = 0; i < KOMMUNER.length; i++) {
      var k = KOMMUNER[i];
      if (k.code === wanted || String(k.slug).toLowerCase() === wanted || String(k.name).toLowerCase() === wanted) {
        return k.code;
      }
    }
    return null;
  }

  function clone(value) {
    return typeof structuredClone === "function" ? structuredClone(value) : JSON.parse(JSON.stringify(value));
  }

  /** plotly labels arrive HTML-escaped from Python; turn them back into plain text without running anything. */
  function plainText(label) {
    if (label === null || label === undefined) {
      return "";
    }
    var doc = new DOMParser().parseFromString("<body>" + String(label).replace(/<br\s*\/?>/gi, " "), "text/html");
    return doc.body.textContent || "";
  }

  function isShown(node) {
    return !node.hidden && !node.closest("[hidden]");
  }

  // -- URL state -----------------------------------------------------------------------------------

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var raw = params.get("kommune");
    var code = lookup(raw);
    var udledte = (params.get("udledte") || "").trim().toLowerCase();
    return {
      state: { kommune: code || ALL, inferred: ["nej", "0", "false", "fra"].indexOf(udledte) < 0 },
      raw: raw,
      unknown: raw !== null && code === null,
    };
  }

  /** The query string for a state, keeping every other parameter of `query`. */
  function queryFor(query, s) {
    var params = new URLSearchParams(query);
    if (s.kommune === ALL) {
      params.delete("kommune");
    } else {
      params.set("kommune", slugOf(s.kommune));
    }
    if (s.inferred) {
      params.delete("udledte");
    } else {
      params.set("udledte", "nej");
    }
    var text = params.toString();
    return text ? "?" + text : "";
  }

  /** href with the state's parameters, keeping its path and fragment (relative hrefs stay relative). */
  function withState(href, s) {
    var hashAt = href.indexOf("#");
    var hash = hashAt >= 0 ? href.slice(hashAt) : "";
    var rest = hashAt >= 0 ? href.slice(0, hashAt) : href;
    var queryAt = rest.indexOf("?");
    var path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
    var query = queryAt >= 0 ? rest.slice(queryAt + 1) : "";
    return path + queryFor(query, s) + hash;
  }

  function writeUrl(s, push) {
    var url = withState(window.location.pathname + window.location.search + window.location.hash, s);
    if (window.location.protocol === "file:") {
      // Some browsers refuse a path in pushState on file://; the query and fragment are enough.
      url = url.slice(url.search(/[?#]|$/)) || window.location.pathname.split("/").pop();
    }
    try {
      if (push) {
        window.history.pushState({ kr: true }, "", url);
      } else {
        window.history.replaceState(window.history.state, "", url);
      }
    } catch (error) {
      // The view still changes; only the address stays behind (e.g. a browser that forbids it on file://).
    }
  }

  /** A relative link to another HTML page of the book (not a fragment, a file, or another site). */
  function isBookPage(href) {
    if (!href || href.charAt(0) === "#" || href.charAt(0) === "/" || /^[a-z][a-z0-9+.-]*:/i.test(href)) {
      return false;
    }
    var path = href.split(/[?#]/)[0];
    return /\.html?$/i.test(path) && !/(^|\/)_(static|sources|images|downloads)\//.test(path);
  }

  function carryState(anchor) {
    if (anchor.dataset.krHref === undefined) {
      var href = anchor.getAttribute("href");
      if (!isBookPage(href)) {
        return;
      }
      anchor.dataset.krHref = href;
    }
    anchor.setAttribute("href", withState(anchor.dataset.krHref, state));
  }

  function carryStateOnAllLinks() {
    document.querySelectorAll("a[href]").forEach(carryState);
  }

  // -- the control ---------------------------------------------------------------------------------

  function buildControl() {
    var select = el("select", { id: "kr-kommune", name: "kommune", class: "kr-filter-select" });
    select.append(el("option", { value: ALL, text: "Alle kommuner" }));
    KOMMUNER.forEach(function (k) {
      select.append(el("option", { value: k.code, text: k.name }));
    });
    var checkbox = el("input", { type: "checkbox", id: "kr-udledte", name: "udledte", checked: true, "aria-describedby": "kr-udledte-hjaelp" });
    var status = el("p", { class: "kr-filter-status", id: "kr-filter-status", role: "status", "aria-live": "polite" });
    var notice = el("p", { class: "kr-filter-notice", role: "status", "aria-live": "polite" });
    var hint = el("p", { class: "kr-filter-hint", hidden: true });
    var box = el("section", { class: "kr-filter d-print-none", "aria-label": "Kommunefilter" }, [
      el("div", { class: "kr-filter-row" }, [
        el("div", { class: "kr-filter-field" }, [el("label", { for: "kr-kommune", text: "Kommune" }), select]),
        el("div", { class: "kr-filter-field kr-filter-switch" }, [
          checkbox,
          el("label", { for: "kr-udledte", text: "Medtag udledte tilknytninger" }),
        ]),
      ]),
      el("p", {
        class: "kr-filter-help",
        id: "kr-udledte-hjaelp",
        text: "Udledte tilknytninger er redaktionens læsning af rapporten, ikke rapportens egne ord.",
      }),
      status,
      notice,
      hint,
    ]);
    var printLine = el("p", { class: "kr-print-selection" });
    var host = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
    host.insertBefore(box, host.firstChild);
    // In print, Jupyter Book's theme puts the page title and contents first; the selection goes right under the title.
    var printTitle = document.querySelector("#jb-print-docs-body > h1");
    if (printTitle) {
      printTitle.after(printLine);
    } else {
      host.insertBefore(printLine, box);
    }
    ui = { box: box, select: select, checkbox: checkbox, status: status, notice: notice, hint: hint, printLine: printLine };

    select.addEventListener("change", onControlChange);
    checkbox.addEventListener("change", onControlChange);
  }

  function onControlChange(event) {
    var t0 = startOf(event);
    clearNotice();
    var next = { kommune: ui.select.value, inferred: ui.checkbox.checked };
    writeUrl(next, true);
    apply(next, t0, false);
  }

  /** The event's own time stamp when it shares performance.now()'s clock, else now. */
  function startOf(event) {
    var now = performance.now();
    var stamp = event && event.timeStamp;
    return typeof stamp === "number" && stamp > 0 && stamp <= now ? stamp : now;
  }

  function showNotice(text) {
    ui.notice.hidden = false;
    // Filled a moment after the live region exists, so screen readers announce it.
    window.setTimeout(function () {
      ui.notice.textContent = text;
    }, 50);
  }

  function clearNotice() {
    ui.notice.textContent = "";
    ui.notice.hidden = true;
  }

  // -- items, lists and tables ---------------------------------------------------------------------

  function matches(node, s) {
    if (node.dataset.kommune === undefined) {
      return true;
    }
    // A quote card, or a long list's record of one, is what carries data-quotes.
    if (!s.inferred && node.dataset.quotes !== undefined && node.dataset.attribution === "inferred") {
      return false;
    }
    if (s.kommune === ALL) {
      return true;
    }
    return (node.dataset.kommune || "").split(/\s+/).indexOf(s.kommune) >= 0;
  }

  /** How many the item counts for: a quote card holds one quote, or each turn of an exchange. */
  function weight(item) {
    return item.dataset.quotes ? item.dataset.quotes.split(/\s+/).filter(Boolean).length : 1;
  }

  function total(list) {
    return list.reduce(function (sum, item) { return sum + weight(item); }, 0);
  }

  /**
   * A long list (cards.quote_list over its limit) brings its first cards as HTML and all of them as JSON
   * rows: the static cards give way to a container the filter fills with the page it shows.
   */
  function takeOverLongList(list) {
    var store = parseStore(list.querySelector(":scope > script.kr-list-rows"));
    if (!store) {
      return null;
    }
    list.querySelectorAll(":scope > article.kr-quote, :scope > .kr-list-nojs").forEach(function (node) { node.remove(); });
    var cards = el("div", { class: "kr-list-cards" });
    var summary = list.querySelector(":scope > .kr-list-summary");
    list.insertBefore(cards, summary ? summary.nextSibling : list.firstChild);
    return { store: store, cards: cards };
  }

  function collect() {
    var longLists = new Map();
    document.querySelectorAll("section.kr-list").forEach(function (list) {
      var long = takeOverLongList(list);
      if (long) {
        longLists.set(list, long);
      }
    });
    items = Array.prototype.filter.call(document.querySelectorAll("[data-kommune]"), function (node) {
      return !node.closest(".kr-drill, .kr-filter, .kr-compare");
    });
    lists = Array.prototype.map.call(document.querySelectorAll("section.kr-list"), function (list) {
      var long = longLists.get(list);
      var note = el("p", { class: "kr-list-filter", hidden: true });
      var summary = list.querySelector(":scope > .kr-list-summary");
      list.insertBefore(note, summary ? summary.nextSibling : list.firstChild);
      var more = el("button", { type: "button", class: "kr-more", hidden: true });
      list.appendChild(more);
      var entry = {
        node: list,
        note: note,
        more: more,
        limit: PAGE_SIZE,
        items: long ? long.store.records : items.filter(function (item) { return list.contains(item); }),
        store: long ? long.store : null,
        cards: long ? long.cards : null,
        noun: list.dataset.krNoun || "element",
        nouns: list.dataset.krNouns || "elementer",
        empty: list.dataset.krEmpty || "Intet at vise for {kommune}.",
        unattributed: parseInt(list.dataset.krUnattributed || "0", 10) || 0,
        scope: list.dataset.krScope || "",
      };
      more.addEventListener("click", function () {
        var first = entry.items.filter(function (item) { return matches(item, state); })[entry.limit];
        entry.limit += PAGE_SIZE;
        paginate(entry, state);
        var node = first && (first.node || first);
        if (node) {
          node.setAttribute("tabindex", "-1");
          node.focus();
        }
      });
      return entry;
    });
    tables = Array.prototype.map.call(document.querySelectorAll("table[data-kr-filterable-table]"), function (table) {
      var wrap = table.closest(".kr-table-wrap") || table;
      var empty = el("p", { class: "kr-table-empty", hidden: true });
      wrap.after(empty);
      return { table: table, wrap: wrap, empty: empty, rows: Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-kommune]")) };
    });
  }

  function filterItems(s) {
    items.forEach(function (item) {
      var show = matches(item, s);
      if (item.hidden === show) {
        item.hidden = !show;
      }
    });
  }

  /** The "show more" button's words: the next page, and how many are left in all. */
  function moreLabel(left) {
    return "Vis " + number(Math.min(PAGE_SIZE, left)) + " mere (" + number(left) + " tilbage)";
  }

  /** Show the first `limit` matching cards of a list; the rest wait behind the "Vis flere" button. */
  function paginate(list, s) {
    var matching = list.items.filter(function (item) { return matches(item, s); });
    if (list.store) {
      // A long list: render (once) and show only the cards of the current page.
      var page = matching.slice(0, list.limit).map(function (record) {
        if (!record.node) {
          record.node = quoteCard(list.store, record, false);
        }
        record.node.querySelectorAll("a[href]").forEach(carryState);
        return record.node;
      });
      list.cards.replaceChildren.apply(list.cards, page);
    } else {
      matching.forEach(function (item, i) {
        item.hidden = i >= list.limit;
      });
    }
    var left = matching.length - list.limit;
    list.more.hidden = left <= 0;
    list.more.textContent = left > 0 ? moreLabel(left) : "";
    return total(matching);
  }

  function updateLists(s) {
    var filtered = s.kommune !== ALL || !s.inferred;
    lists.forEach(function (list) {
      list.limit = PAGE_SIZE;
      var shown = paginate(list, s);
      var name = nameOf(s.kommune);
      var sentences = [];
      if (!filtered) {
        list.note.hidden = true;
        list.note.textContent = "";
        return;
      }
      if (shown === 0 && list.scope && s.kommune !== ALL && s.kommune !== list.scope) {
        // A profile page's list holds one municipality's items: "none for Egedal" would be untrue of the report.
        sentences.push("Listen her gælder kun " + nameOf(list.scope) + ", så intet på den hører til " + name + ".");
      } else if (shown === 0 && s.kommune === ALL) {
        sentences.push("Uden udledte tilknytninger er der intet at vise på listen her.");
      } else if (shown === 0) {
        sentences.push(list.empty.split("{kommune}").join(name));
      } else {
        sentences.push("Viser " + number(shown) + " af " + plural(total(list.items), list.noun, list.nouns) + " for " + name + ".");
      }
      if (!s.inferred) {
        var withheld = total(list.items.filter(function (item) {
          return item.dataset.attribution === "inferred" && matches(item, { kommune: s.kommune, inferred: true });
        }));
        if (withheld) {
          sentences.push(
            plural(withheld, list.noun, list.nouns) + " med en udledt tilknytning er skjult; slå »Medtag udledte tilknytninger« til for at se " +
              (withheld === 1 ? "det" : "dem") + "."
          );
        }
      }
      if (s.kommune !== ALL && list.unattributed > 0) {
        sentences.push(plural(list.unattributed, list.noun, list.nouns) + " på listen har ingen kommune angivet i rapporten.");
      }
      list.note.textContent = sentences.join(" ");
      list.note.hidden = false;
    });
  }

  function updateTables(s) {
    tables.forEach(function (t) {
      var shown = t.rows.filter(isShown).length;
      t.empty.hidden = shown > 0;
      t.empty.textContent = shown > 0 ? "" : "Tabellen har ingen rækker for " + nameOf(s.kommune) + ".";
    });
  }

  /** "Viser 3 citater og 2 indsatser for Egedal." from the items now shown, by the lists' own nouns. */
  function updateStatus(s) {
    var counts = new Map();
    function add(noun, nouns, n) {
      var entry = counts.get(noun) || { noun: noun, nouns: nouns, n: 0 };
      entry.n += n;
      counts.set(noun, entry);
    }
    lists.forEach(function (list) {
      add(list.noun, list.nouns, total(list.items.filter(function (item) { return matches(item, s); })));
    });
    tables.forEach(function (t) {
      add("tabelrække", "tabelrækker", t.rows.filter(isShown).length);
    });
    var links = items.filter(function (item) { return item.matches("li"); });
    if (links.length) {
      add("kommune", "kommuner", links.filter(isShown).length);
    }
    var parts = [];
    counts.forEach(function (entry) {
      parts.push(plural(entry.n, entry.noun, entry.nouns));
    });
    var name = nameOf(s.kommune);
    var without = s.inferred ? "" : " (uden udledte tilknytninger)";
    var charts = figures.filter(function (f) { return f.filterable; }).length;
    var sentences = [];
    if (parts.length) {
      sentences.push(
        s.kommune === ALL
          ? "Alle kommuner" + without + ": " + joinDanish(parts) + "."
          : "Viser " + joinDanish(parts) + " for " + name + without + "."
      );
    }
    if (charts) {
      sentences.push((charts === 1 ? "Figuren viser" : "Figurerne viser") + " tallene for " + name + (parts.length ? "" : without) + ".");
    }
    if (!sentences.length) {
      sentences.push("Valgt: " + name + without + ". Intet på denne side filtreres efter kommune; valget følger med til bogens andre sider.");
    }
    var text = sentences.join(" ");
    ui.status.textContent = text;
    ui.printLine.textContent = "Udvalg: " + (s.kommune === ALL ? "alle kommuner" : name) + (s.inferred ? "" : ", uden udledte tilknytninger");
    updateProfileHint(s);
  }

  /** On a municipality's own page, choosing another one hides most of it: say so and offer a link. */
  function updateProfileHint(s) {
    var match = window.location.pathname.match(/profil-([^/]+)\.html$/);
    var profile = document.querySelector(".kr-profile[data-kommune]");
    ui.hint.replaceChildren();
    if (!match || !profile || s.kommune === ALL || profile.dataset.kommune === s.kommune) {
      ui.hint.hidden = true;
      return;
    }
    var link = el("a", { href: withState("profil-" + slugOf(s.kommune) + ".html", s), text: "Gå til siden om " + nameOf(s.kommune) });
    link.dataset.krHref = "profil-" + slugOf(s.kommune) + ".html";
    ui.hint.append("Denne side handler om " + nameOf(profile.dataset.kommune) + ". ", link, ".");
    ui.hint.hidden = false;
  }

  function syncControls(s) {
    ui.select.value = s.kommune;
    ui.checkbox.checked = s.inferred;
  }

  // -- charts --------------------------------------------------------------------------------------

  function setupFigure(figure) {
    var island = figure.querySelector("script.kr-figure-json");
    var plot = figure.querySelector(".kr-plot");
    if (!island || !plot) {
      return null;
    }
    var payload;
    try {
      payload = JSON.parse(island.textContent);
    } catch (error) {
      return null;
    }
    if (!payload || !payload.variants) {
      return null;
    }
    return {
      figure: figure,
      plot: plot,
      payload: payload,
      filterable: figure.dataset.krFilterable === "true",
      drawn: null,
      themed: null,
      drill: figure.querySelector(".kr-drill"),
    };
  }

  function variantKey(f, s) {
    var variants = f.payload.variants;
    var fallback = ALL in variants ? ALL : Object.keys(variants)[0];
    if (!f.filterable) {
      return fallback;
    }
    var key = s.kommune;
    if (!s.inferred && key + WITHOUT_INFERRED in variants) {
      key += WITHOUT_INFERRED;
    }
    return key in variants ? key : fallback;
  }

  /** Chart colours from the pydata theme's CSS variables, so charts follow light and dark mode. */
  function themeColours() {
    var style = window.getComputedStyle(document.documentElement);
    function get(name, fallback) {
      return (style.getPropertyValue(name) || "").trim() || fallback;
    }
    return {
      text: get("--pst-color-text-base", "#4d4d4d"),
      muted: get("--pst-color-text-muted", "#6b6b6b"),
      grid: get("--pst-color-border", "#bdbdbd"),
      surface: get("--pst-color-surface", "#f3f4f5"),
    };
  }

  function themed(layout, c) {
    layout.font = Object.assign({}, layout.font, { color: c.text });
    var axes = Object.keys(layout).filter(function (key) { return /^[xy]axis\d*$/.test(key); });
    ["xaxis", "yaxis"].forEach(function (key) {
      if (axes.indexOf(key) < 0) {
        axes.push(key);
      }
    });
    axes.forEach(function (key) {
      layout[key] = Object.assign({}, layout[key], { gridcolor: c.grid, linecolor: c.grid, zerolinecolor: c.grid });
    });
    layout.modebar = Object.assign({}, layout.modebar, { bgcolor: "rgba(0,0,0,0)", color: c.muted, activecolor: c.text });
    layout.hoverlabel = Object.assign({}, layout.hoverlabel, { font: { color: c.text }, bgcolor: c.surface, bordercolor: c.grid });
    return layout;
  }

  /** Draw f's variant for the state; resolves when plotly has finished. Unchanged charts are left alone. */
  function draw(f, s, force) {
    var key = variantKey(f, s);
    var colours = themeColours();
    var theme = JSON.stringify(colours);
    showVariantText(f, key);
    if (f.drawn === key && f.themed === theme && !force) {
      return Promise.resolve();
    }
    var variant = clone(f.payload.variants[key]);
    showEmpty(f, variant, s);
    // Variants refer to shared layouts by position (figures.shared_payload stores each once).
    var shared = typeof variant.layout === "number" ? (f.payload.layouts || [])[variant.layout] : variant.layout;
    var layout = themed(clone(shared || {}), colours);
    var first = f.drawn === null;
    f.drawn = key;
    f.themed = theme;
    try {
      var done = first
        ? window.Plotly.newPlot(f.plot, variant.data || [], layout, f.payload.config || {})
        : window.Plotly.react(f.plot, variant.data || [], layout, f.payload.config || {});
      return Promise.resolve(done).then(function () {
        if (first) {
          attachDrill(f);
        }
        exposeModebar(f);
      });
    } catch (error) {
      f.drawn = null;
      return Promise.resolve();
    }
  }

  /** A variant with no points at all draws bare axes; say in words that there is nothing to show. */
  function showEmpty(f, variant, s) {
    var empty = !(variant.data || []).some(function (trace) {
      return ["x", "y", "z"].some(function (axis) { return Array.isArray(trace[axis]) && trace[axis].length > 0; });
    });
    if (!f.empty) {
      f.empty = el("p", { class: "kr-plot-empty", hidden: true });
      f.plot.before(f.empty);
    }
    f.empty.textContent = empty
      ? "Der er ingen tal at vise for " + nameOf(s.kommune) + (s.inferred ? "" : " uden udledte tilknytninger") + ", så figurens tomme akser er skjult."
      : "";
    f.empty.hidden = !empty;
    // Collapsed, not display:none, so plotly keeps measuring the width it draws into.
    f.plot.classList.toggle("kr-plot-is-empty", empty);
  }

  /**
   * The drawing is hidden from screen readers (the text alternative and the table say the same), but
   * plotly's buttons (PNG download, zoom) must stay reachable: hide the SVG layers, not the whole plot.
   */
  function exposeModebar(f) {
    f.plot.removeAttribute("aria-hidden");
    f.plot.querySelectorAll(".main-svg").forEach(function (svg) {
      svg.setAttribute("aria-hidden", "true");
    });
  }

  function showVariantText(f, key) {
    f.figure.querySelectorAll(".kr-alt p[data-variant], .kr-figure-data div[data-variant]").forEach(function (node) {
      var show = node.dataset.variant === key;
      if (node.hidden === show) {
        node.hidden = !show;
      }
    });
  }

  function plotlyMissing() {
    figures.forEach(function (f) {
      if (!f.figure.querySelector(".kr-plot-missing")) {
        f.plot.after(el("p", {
          class: "kr-plot-missing",
          text: "Figuren kan ikke tegnes, fordi plotly.js ikke blev indlæst. Tallene står i tabellen under figuren.",
        }));
      }
      showVariantText(f, variantKey(f, state));
    });
  }

  var generation = 0;

  /** In the viewport or within 200 px of it. */
  function nearView(node) {
    var box = node.getBoundingClientRect();
    return box.bottom > -200 && box.top < window.innerHeight + 200;
  }

  /** Resolves after the browser had a chance to paint (or soon, in a hidden tab that runs no frames). */
  function afterPaint() {
    return new Promise(function (resolve) {
      window.requestAnimationFrame(function () { window.setTimeout(resolve, 0); });
      window.setTimeout(resolve, 100);
    });
  }

  /**
   * Redraw every chart for s: the charts in view first, then, after a paint, the rest, so what the
   * reader sees changes without waiting for charts further down. Resolves with the time (performance.now())
   * at which the charts in view were done.
   */
  function redrawAll(s, force) {
    var run = ++generation;
    if (!window.Plotly) {
      if (figures.length) {
        plotlyMissing();
      }
      return Promise.resolve(performance.now());
    }
    var near = figures.filter(function (f) { return nearView(f.figure); });
    var far = figures.filter(function (f) { return near.indexOf(f) < 0; });
    function drawAll(list) {
      return Promise.all(list.map(function (f) { return draw(f, s, force); }));
    }
    return drawAll(near).then(function () {
      var inView = performance.now();
      if (!far.length) {
        return inView;
      }
      return afterPaint().then(function () {
        // A newer change (or theme switch) has started its own redraw of every chart.
        return run === generation ? drawAll(far).then(function () { return inView; }) : inView;
      });
    });
  }

  function watchTheme() {
    new MutationObserver(function () {
      redrawAll(state, false);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  }

  // -- drill-through -------------------------------------------------------------------------------

  function attachDrill(f) {
    if (!document.querySelector("script.kr-quote-store") || !f.drill || typeof f.plot.on !== "function") {
      return;
    }
    f.plot.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      if (point) {
        showDrill(f, point);
      }
    });
  }

  function pointIds(f, point) {
    var ids = point.customdata;
    if (ids === undefined || ids === null) {
      var all = point.data && point.data.customdata;
      var at = point.pointNumber !== undefined ? point.pointNumber : point.pointIndex;
      ids = Array.isArray(at) ? all && all[at[0]] && all[at[0]][at[1]] : all && all[at];
    }
    // customdata holds a position in the figure's shared list of quote ids (figures.shared_payload).
    if (typeof ids === "number") {
      ids = (f.payload.quoteIds || [])[ids];
    }
    if (Array.isArray(ids)) {
      ids = ids.join(" ");
    }
    return typeof ids === "string" ? ids.split(/\s+/).filter(Boolean) : null;
  }

  /** The page's quote store (cards.quote_store), parsed on the first drill-through. */
  function quoteStore() {
    if (quoteStore.cache === undefined) {
      quoteStore.cache = parseStore(document.querySelector("script.kr-quote-store"));
    }
    return quoteStore.cache;
  }

  /**
   * A JSON island of quote rows (cards.store_payload): rows become records. Each record also has the
   * `dataset` a card would have, so `matches` and `weight` treat records and cards alike.
   */
  function parseStore(island) {
    var store = null;
    try {
      store = island ? JSON.parse(island.textContent) : null;
    } catch (error) {
      store = null;
    }
    if (store) {
      store.byId = new Map();
      store.records = store.rows.map(function (row) {
        var record = {};
        store.columns.forEach(function (column, i) { record[column] = row[i]; });
        record.dataset = { kommune: record.kommune, attribution: record.attribution, quotes: record.quotes };
        if (record.fromLiterature) {
          delete record.dataset.kommune; // as quote_card: a cited work's quote is never filtered away
        }
        record.quotes.split(" ").forEach(function (id) { store.byId.set(id, record); });
        return record;
      });
    }
    return store;
  }

  /** A quote card from a store record: the same markup as kulturensrige.cards.quote_card, built as text nodes. */
  function quoteCard(store, r, inDrill) {
    var exchange = r.turns.length > 1;
    var body = r.turns.map(function (turn) {
      return exchange
        ? el("p", { class: "kr-turn" }, [el("span", { class: "kr-turn-speaker", text: turn[0] + ":" }), " " + turn[1]])
        : el("p", { text: turn[1] });
    });
    var speaker = r.kind ? [el("span", { class: "kr-kind", text: r.kind }), " · " + r.speaker] : [r.speaker];
    if (r.reference) {
      speaker.push(" ", el("span", { class: "kr-reference", text: "(" + r.reference + ")" }));
    }
    var footer = [el("p", { class: "kr-speaker" }, speaker)];
    var level = r.attribution.replace(" ", "-");
    if (r.fromLiterature) {
      // A quote from a cited work belongs to no municipality (as in quote_card).
    } else if (r.attribution === "not stated") {
      footer.push(el("p", {}, [el("span", { class: "kr-municipality kr-attribution-not-stated", text: "Kommune: ikke angivet i rapporten" })]));
    } else {
      footer.push(el("p", {}, [el("span", { class: "kr-municipality kr-attribution-" + level }, [
        "Kommune: ", el("strong", { text: nameOf(r.kommune) }), " ",
        el("span", { class: "kr-attribution", text: "(" + store.attributionLabels[r.attribution] + ")" }),
      ])]));
      if (r.attribution === "inferred") {
        footer.push(el("details", { class: "kr-rationale" }, [el("summary", { text: "Hvorfor udledt?" }), el("p", { text: r.rationale })]));
      }
    }
    if (r.ingredients.length) {
      footer.push(el("ul", { class: "kr-badges", "aria-label": "Ingredienser, citatet underbygger" }, r.ingredients.map(function (id) {
        var ingredient = store.ingredients[id];
        return el("li", {}, [el("a", { class: "kr-badge kr-ingredient-" + ingredient[0], href: ingredient[2] }, [
          el("span", { class: "kr-badge-number", "aria-hidden": "true", text: String(ingredient[0]) }), " " + ingredient[1],
        ])]);
      })));
    }
    var section = store.sections[r.section];
    footer.push(el("p", { class: "kr-source-line" }, [el("a", { class: "kr-source", href: section[1], text: "Afsnit: " + section[0] })]));
    return el("article", {
      class: "kr-card kr-quote" + (inDrill ? " kr-drill-card" : ""),
      id: inDrill ? null : "citat-" + r.quotes.split(" ")[0],
      "data-kommune": r.fromLiterature ? null : r.kommune,
      "data-attribution": r.attribution,
      "data-quotes": r.quotes,
      "data-ingredients": r.ingredients.join(" "),
      "data-speaker-category": r.speakerCategory,
    }, [el("blockquote", { class: "kr-quote-text", lang: r.lang || null }, body), el("footer", { class: "kr-card-footer" }, footer)]);
  }

  function showDrill(f, point) {
    var ids = pointIds(f, point);
    var store = quoteStore();
    if (ids === null || !store) {
      return;
    }
    var isHeatmap = point.data && point.data.type === "heatmap";
    var layout = f.plot.layout || {};
    // "Ingrediens: … · Kommune: …": each value named by its axis (or legend) title, as the chart names it.
    function named(title, value) {
      var label = plainText(title && (title.text !== undefined ? title.text : title));
      return value ? (label ? label + ": " : "") + plainText(value) : "";
    }
    var horizontal = point.data && point.data.orientation === "h";
    var context = isHeatmap
      ? [named(layout.yaxis && layout.yaxis.title, point.y), named(layout.xaxis && layout.xaxis.title, point.x)]
      : [
          named(horizontal ? layout.yaxis && layout.yaxis.title : layout.xaxis && layout.xaxis.title, horizontal ? point.y : point.x),
          named(layout.legend && layout.legend.title, point.data && point.data.name),
        ];
    var records = [];
    ids.forEach(function (id) {
      var record = store.byId.get(id);
      if (record && records.indexOf(record) < 0) {
        records.push(record);
      }
    });
    var heading = el("h3", { class: "kr-drill-heading", tabindex: "-1", text: plural(ids.length, "citat", "citater") + " bag tallet" });
    var close = el("button", { type: "button", class: "kr-drill-close", "aria-label": "Luk citaterne bag tallet", text: "Luk" });
    var filtered = state.kommune !== ALL || !state.inferred;
    var about = context.filter(Boolean).join(" · ") + "." +
      (filtered ? " Filter: " + nameOf(state.kommune) + (state.inferred ? "" : ", uden udledte tilknytninger") + "." : "");
    var parts = [el("div", { class: "kr-drill-head" }, [heading, close]), el("p", { class: "kr-drill-context", text: about })];
    if (records.length && records.length !== ids.length) {
      parts.push(el("p", { class: "kr-drill-context", text: "En ordveksling står samlet på ét kort." }));
    }
    if (!ids.length) {
      parts.push(el("p", { text: "Ingen citater bag tallet." }));
    }
    var cards = el("div", { class: "kr-drill-cards" });
    var more = el("button", { type: "button", class: "kr-more" });
    var shown = 0;
    // A bar can stand for thousands of quotes at national scale: cards come PAGE_SIZE at a time.
    function showMore() {
      var next = records.slice(shown, shown + PAGE_SIZE).map(function (record) { return quoteCard(store, record, true); });
      cards.append.apply(cards, next);
      next.forEach(function (card) { card.querySelectorAll("a[href]").forEach(carryState); });
      shown += next.length;
      var left = records.length - shown;
      more.textContent = moreLabel(left);
      more.hidden = left <= 0;
      return next[0];
    }
    more.addEventListener("click", function () {
      var first = showMore();
      if (first) {
        first.setAttribute("tabindex", "-1");
        first.focus();
      }
    });
    parts.push(cards, more);
    f.drill.replaceChildren.apply(f.drill, parts);
    showMore();
    f.drill.hidden = false;
    close.addEventListener("click", function () {
      closeDrill(f, true);
    });
    heading.focus();
  }

  function closeDrill(f, returnFocus) {
    if (!f.drill || f.drill.hidden) {
      return;
    }
    f.drill.hidden = true;
    f.drill.replaceChildren();
    if (returnFocus) {
      var caption = f.figure.querySelector("figcaption") || f.figure;
      caption.setAttribute("tabindex", "-1");
      caption.focus();
    }
  }

  // -- compare view ----------------------------------------------------------------------------------

  function setupCompare(compare) {
    var choices = compare.querySelector("fieldset.kr-compare-choices");
    var columns = compare.querySelectorAll("[data-compare]");
    if (!choices || !columns.length) {
      return;
    }
    var boxes = Array.prototype.slice.call(choices.querySelectorAll("input[type=checkbox]"));
    var note = el("p", { class: "kr-compare-status", role: "status", "aria-live": "polite" });
    choices.after(note);
    choices.hidden = false;

    var wanted = new URLSearchParams(window.location.search).get("sammenlign");
    if (wanted) {
      var codes = wanted.split(",").map(lookup).filter(function (code) { return code && code !== ALL; });
      if (codes.length) {
        boxes.forEach(function (box) { box.checked = codes.indexOf(box.value) >= 0; });
      }
    }

    function update(fromUser) {
      var chosen = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
      columns.forEach(function (column) {
        column.hidden = chosen.indexOf(column.dataset.compare) < 0;
      });
      compare.style.setProperty("--kr-compare-count", String(Math.max(chosen.length, 1)));
      note.textContent = chosen.length
        ? "Viser " + joinDanish(chosen.map(nameOf)) + (chosen.length > 1 ? " side om side." : ". Vælg en kommune mere for at sammenligne.")
        : "Vælg mindst én kommune for at se den her.";
      if (fromUser) {
        var params = new URLSearchParams(window.location.search);
        params.set("sammenlign", chosen.map(slugOf).join(","));
        try {
          window.history.replaceState(window.history.state, "", "?" + params.toString() + window.location.hash);
        } catch (error) {
          // the view is right even if the address cannot follow
        }
      }
    }
    boxes.forEach(function (box) {
      box.addEventListener("change", function () { update(true); });
    });
    update(false);
  }

  // -- CSV download ----------------------------------------------------------------------------------

  function csvCell(text) {
    var value = text.replace(/\s+/g, " ").trim();
    // A cell starting like a formula would run in a spreadsheet; a leading apostrophe keeps it text.
    if (/^[=+@\t\r]/.test(value) || /^-[^\d]/.test(value)) {
      value = "'" + value;
    }
    return /[";\n\r]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  /** The table's header and its rows now shown, as CSV text (semicolons, CRLF; Danish Excel reads it). */
  function tableCsv(table) {
    var rows = Array.prototype.filter.call(table.querySelectorAll("tr"), function (row) {
      return isShown(row) && table.contains(row);
    });
    return rows.map(function (row) {
      return Array.prototype.map.call(row.children, function (cell) { return csvCell(cell.textContent || ""); }).join(";");
    }).join("\r\n") + "\r\n";
  }

  function download(name, text) {
    var blob = new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function csvName(base) {
    return (base || "tabel") + "-" + (state.kommune === ALL ? "alle-kommuner" : slugOf(state.kommune)) + (state.inferred ? "" : "-uden-udledte") + ".csv";
  }

  function csvButton(findTable, base) {
    var button = el("button", { type: "button", class: "kr-csv", text: "Hent viste rækker som CSV" });
    button.addEventListener("click", function () {
      var table = findTable();
      if (table) {
        download(csvName(base), tableCsv(table));
      }
    });
    return button;
  }

  function setupDownloads() {
    tables.forEach(function (t) {
      t.empty.after(el("p", { class: "kr-csv-line" }, [csvButton(function () { return t.table; }, t.table.id)]));
    });
    figures.forEach(function (f) {
      var details = f.figure.querySelector(".kr-figure-data");
      if (!details) {
        return;
      }
      var base = f.figure.id || "figur";
      details.append(el("p", { class: "kr-csv-line" }, [
        csvButton(function () {
          var shown = Array.prototype.find.call(details.querySelectorAll("div[data-variant]"), isShown);
          return shown && shown.querySelector("table");
        }, base),
      ]));
    });
  }

  // -- scrollable tables are keyboard-reachable ----------------------------------------------------

  /** Long-text cells get a wider floor on phones (CSS), so they do not become towers of short lines. */
  function markLongCells() {
    document.querySelectorAll(".kr-table td").forEach(function (cell) {
      if ((cell.textContent || "").length > 80) {
        cell.classList.add("kr-cell-long");
      }
    });
  }

  function markScrollables() {
    document.querySelectorAll(".kr-table-wrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", (caption ? caption.textContent.trim() + ". " : "") + "Tabellen kan rulles vandret.");
      } else if (!scrolls && wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  // -- applying a state ------------------------------------------------------------------------------

  function apply(next, t0, initial) {
    state = { kommune: next.kommune, inferred: next.inferred };
    syncControls(state);
    filterItems(state);
    updateLists(state);
    updateTables(state);
    figures.forEach(function (f) { closeDrill(f, false); });
    carryStateOnAllLinks();
    updateStatus(state);
    var shown = { kommune: state.kommune, inferred: state.inferred };
    return redrawAll(state, false).then(function (inView) {
      var detail = { kommune: shown.kommune, inferred: shown.inferred, ms: performance.now() - t0, visibleMs: inView - t0, initial: initial };
      window.KR_FILTER.last = detail;
      document.dispatchEvent(new CustomEvent("kr:filtered", { detail: detail }));
    });
  }

  function onPopState(event) {
    var read = readUrl();
    if (read.state.kommune === state.kommune && read.state.inferred === state.inferred) {
      return;
    }
    clearNotice();
    apply(read.state, startOf(event), false);
  }

  function init() {
    var t0 = performance.now();
    buildControl();
    figures = Array.prototype.map.call(document.querySelectorAll("figure.kr-figure"), setupFigure).filter(Boolean);
    collect();
    setupDownloads();
    markLongCells();
    document.querySelectorAll(".kr-compare").forEach(setupCompare);

    var read = readUrl();
    if (read.unknown) {
      showNotice("Kommunen »" + read.raw + "« findes ikke i bogens data. Siden viser alle kommuner.");
    }
    // Canonical address: the slug, never the code; an unknown value is dropped.
    if (read.raw !== null && (read.unknown || read.raw !== slugOf(read.state.kommune))) {
      writeUrl(read.state, false);
    }

    // KR_FILTER.ready resolves once the first view (and every chart) is drawn: for tests and benchmarks.
    // firstViewAt: performance.now() (ms since navigation start) when the first view was complete.
    window.KR_FILTER.ready = apply(read.state, t0, true).then(function () {
      window.KR_FILTER.firstViewAt = performance.now();
      markScrollables();
    });
    window.addEventListener("popstate", onPopState);
    ["click", "auxclick", "contextmenu", "focusin"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        var anchor = event.target && event.target.closest && event.target.closest("a[href]");
        if (anchor) {
          carryState(anchor);
        }
      }, true);
    });
    var resizeTimer = 0;
    window.addEventListener("resize", function () {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(markScrollables, 200);
    });
    document.addEventListener("toggle", markScrollables, true);
    watchTheme();
    window.KR_FILTER.state = function () { return { kommune: state.kommune, inferred: state.inferred }; };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
