/* kr-state.js: the filter's state, its address (?kommune=<slug>&udledte=nej) and the links that carry it.
 * Every constant, view name and sentence comes from the build (window.KR_DATA, kulturensrige/render/browser.py);
 * this file only reads and writes them. Plain script, so the book works from file:// too. */
window.KR = window.KR || {};
((KR) => {
  const D = window.KR_DATA || {
    all: "alle",
    keys: { alle: ["alle", "alle"] },
    nearest: {},
    pageSize: 50,
    kommuner: [],
    spellings: { alle: "alle" },
    fold: { pairs: [], drops: "\\s+" },
    sentences: {},
    sentenceFiles: {},
    inferredByDefault: false,
    switchable: false,
  };
  KR.data = D;
  // The editors' inferred ties are off until the reader turns them on (docs/adr/0033): the build says so once.
  KR.state = { kommune: D.all, inferred: D.inferredByDefault };
  /** The reader's choice for the whole book (the select, the address, what the browser keeps), which KR.state, what
   * the page shows, follows everywhere but on a municipality's own page: that page shows its own municipality and
   * leaves the reader's choice as it was (docs/adr/0058). */
  KR.choice = D.all;
  KR.chosen = () => ({ kommune: KR.choice, inferred: KR.state.inferred });

  /** A value as the build folds a reader's spelling (words.folded_name, its pairs and pattern published once). */
  KR.fold = (value) => {
    let text = String(value === null || value === undefined ? "" : value)
      .normalize("NFC")
      .trim()
      .toLowerCase();
    for (const [letter, spelled] of D.fold.pairs) text = text.split(letter).join(spelled);
    return text.replace(new RegExp(D.fold.drops, "gu"), "");
  };

  /** A kommunekode from a slug, a code or a name, spelt as a reader types it ('århus', 'høje taastrup'), looked up
   * in the build's table (filters.spellings); D.all for empty; null if unknown. */
  KR.lookup = (value) => {
    const wanted = KR.fold(value);
    if (!wanted) return D.all;
    return Object.hasOwn(D.spellings, wanted) ? D.spellings[wanted] : null;
  };

  KR.slugOf = (code) => (D.kommuner.find((k) => k.code === code) || { slug: D.all }).slug;

  /** The name of the view the build prepared for a state, as the build names it (views.state_keys). */
  KR.keyOf = (s) => (D.keys[s.kommune] || D.keys[D.all])[s.inferred ? 0 : 1];

  /** The state a query string asks for, and whether it named a municipality the data does not hold. */
  KR.readQuery = (search) => {
    const params = new URLSearchParams(search);
    const raw = params.get("kommune");
    const code = KR.lookup(raw);
    const said = (params.get("udledte") || "").trim().toLowerCase();
    const on = ["ja", "1", "true", "til"].indexOf(said) >= 0;
    const off = ["nej", "0", "false", "fra"].indexOf(said) >= 0;
    // Without an inferred tie in the data there is no switch (views.switchable), and no address turns it on.
    const inferred = D.switchable && (on || off ? on : D.inferredByDefault);
    return { state: { kommune: code || D.all, inferred: inferred }, raw: raw, unknown: raw !== null && code === null };
  };

  /** The last municipality chosen, kept in the browser, so that a page opened without one in its address (a bookmark, a
   * link from elsewhere) takes it: {kommune: slug}. The inferred switch is not kept: it travels only in the address
   * (?udledte=ja), so a page opened afresh shows no inferred tie, and an "on" stored by an older book ({kommune,
   * inferred: true}) is read for its municipality only (docs/adr/0033). A stored value without a municipality these
   * data hold counts as none and is removed; storage the browser refuses counts as none. */
  const STORE = "kr-valg";
  KR.recall = () => {
    try {
      const value = JSON.parse(localStorage.getItem(STORE));
      if (value === null) return null;
      const code = typeof value?.kommune === "string" && value.kommune ? KR.lookup(value.kommune) : null;
      if (code !== null) return { kommune: code };
      localStorage.removeItem(STORE);
    } catch {
      try {
        localStorage.removeItem(STORE); // broken JSON; a refused storage throws here too, and is left alone
      } catch {}
    }
    return null;
  };
  KR.remember = (s) => {
    try {
      localStorage.setItem(STORE, JSON.stringify({ kommune: KR.slugOf(s.kommune) }));
    } catch {
      // The choice still holds on this page and in its links; only a later visit will not know it.
    }
  };

  /** The state a page opens in: an address that names a municipality wins, "Alle kommuner" too; one that names
   * none (a bookmark, a link from outside the book, only ?udledte=nej) or one the book does not have takes the
   * reader's last municipality (KR.recall); the switch is as the address says it, otherwise off.
   * {state, raw, unknown, recalled}. */
  KR.opening = (search) => {
    const read = KR.readQuery(search);
    const params = new URLSearchParams(search);
    // An address that names a comparison's columns (?sammenlign=, kr-lists.js) shows what its sender saw: no recall
    // adds the reader's own last choice as a column beside them (hostile round 12, #4; its "alle" is no longer said).
    const named = (params.has("kommune") && !read.unknown) || params.has("sammenlign");
    const recalled = named ? null : KR.recall();
    if (!recalled) return { ...read, recalled: false };
    return { ...read, state: { kommune: recalled.kommune, inferred: read.state.inferred }, recalled: true };
  };

  /** The query string for a state, keeping every other parameter of `query`. With no municipality chosen the
   * address says none (reader review 5: every link carried ?kommune=alle): a page opened from it takes the last
   * choice (KR.opening), which is no choice too. Only where the browser keeps another choice as the last (another tab
   * made it since) does it say "alle", so the link still opens showing all (hostile round 12, #4); links take their
   * state when they are followed (KR.carry), so they say it then. */
  KR.queryFor = (query, s) => {
    const params = new URLSearchParams(query);
    if (s.kommune === D.all && (KR.recall()?.kommune ?? D.all) === D.all) params.delete("kommune");
    else params.set("kommune", KR.slugOf(s.kommune));
    s.inferred === D.inferredByDefault ? params.delete("udledte") : params.set("udledte", s.inferred ? "ja" : "nej");
    const text = params.toString();
    return text ? `?${text}` : "";
  };

  /** href with the state's parameters, keeping its path and fragment (relative hrefs stay relative). */
  KR.withState = (href, s) => {
    const match = /^([^?#]*)(?:\?([^#]*))?(#.*)?$/.exec(href);
    return match[1] + KR.queryFor(match[2] || "", s) + (match[3] || "");
  };

  /** A relative link to another HTML page of the book (not a fragment, a file, or another site). */
  KR.isBookPage = (href) => {
    if (!href || /^[#/]/.test(href) || /^[a-z][a-z0-9+.-]*:/i.test(href)) return false;
    const path = href.split(/[?#]/)[0];
    return /\.html?$/i.test(path) && !/(^|\/)_(static|sources|images|downloads)\//.test(path);
  };

  /** A page's address from the book's root (as the build writes it) made relative to this page
   * (Sphinx's data-content_root). */
  KR.fromRoot = (path) => (document.documentElement.dataset.content_root || "") + path;

  /** Write the state into the address, replacing the current history entry: a choice changes what is marked, not
   * where the reader is, so Back leaves the page instead of stepping back through each choice (issue 22). */
  KR.writeUrl = (s) => {
    const here = window.location;
    let url = KR.withState(here.pathname + here.search + here.hash, s);
    if (here.protocol === "file:") {
      // Some browsers refuse a path in replaceState on file://; the query and fragment are enough.
      url = url.slice(url.search(/[?#]|$/)) || here.pathname.split("/").pop();
    }
    try {
      window.history.replaceState(window.history.state, "", url);
    } catch (_error) {
      // The view still changes; only the address stays behind.
    }
  };

  /** What the build wrote for one position of the inferred switch (data-kr-inferred="on" or "off": a card's tie, a
   * profile's quotes, a note) shows in that position only; `root` is the page or a card just filled. */
  KR.showInferred = (root) => {
    for (const part of root.querySelectorAll("[data-kr-inferred]"))
      part.hidden = (part.dataset.krInferred === "on") !== KR.state.inferred;
    return root;
  };

  /** A link to another page of the book takes the reader's choice along, to a municipality's page too: that page
   * shows its own municipality and leaves the choice as it is (docs/adr/0058). */
  KR.carry = (anchor) => {
    if (anchor.dataset.krHref === undefined) {
      if (!KR.isBookPage(anchor.getAttribute("href"))) return;
      anchor.dataset.krHref = anchor.getAttribute("href");
    }
    anchor.setAttribute("href", KR.withState(anchor.dataset.krHref, KR.chosen()));
  };

  /** A JSON island's payload, as a promise: from the page, or from the file beside it the book moved it into
   * (data-kr-src: book/extension.py side_files), loaded once, when first wanted. The file is a script calling
   * KR.arrived: it loads from file:// too. */
  KR.side = (island) => {
    const src = island.dataset.krSrc;
    island.krPayload ||= src
      ? new Promise((resolve, reject) => {
          document.head.appendChild(
            Object.assign(document.createElement("script"), {
              src,
              krArrive: resolve,
              onerror: () => reject(new Error(src)),
            }),
          );
        })
      : Promise.resolve(JSON.parse(island.textContent));
    return island.krPayload;
  };
  KR.arrived = (script, payload) => {
    script.krArrive(payload);
  };
  /** A view's status sentences (highlight.page_sentences), as a promise: kr-data.js carries no municipality's;
   * a chosen one's wait in the file of the switch's position (browser.SENTENCE_FILES), loaded once, when first
   * wanted, as KR.side loads a part of a page. */
  const sentenceFiles = {};
  KR.sentencesOf = (s) => {
    const key = KR.keyOf(s);
    const position = s.inferred ? "on" : "off";
    if (Object.hasOwn(D.sentences, key) || !D.sentenceFiles[position]) return Promise.resolve(D.sentences[key] || {});
    sentenceFiles[position] ||= { dataset: { krSrc: KR.fromRoot(`_static/${D.sentenceFiles[position]}`) } };
    return KR.side(sentenceFiles[position]).then((part) => part[key] || {});
  };
  /** Markup the build rendered (autoescaped there) as nodes: a chart variant's texts and tables, a comparison column.
   */
  KR.parse = (html) => Object.assign(document.createElement("template"), { innerHTML: html }).content;
  /** Where a side file cannot be loaded, the place says so in the build's words. */
  KR.sideMissing = (node) => {
    node.replaceChildren(
      Object.assign(document.createElement("p"), { className: "kr-side-missing", textContent: D.sideMissing }),
    );
  };

  if (typeof module === "object" && module.exports) module.exports = KR;
})(window.KR);
