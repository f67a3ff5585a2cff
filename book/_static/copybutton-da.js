/* copybutton-da.js: Danish for sphinx-copybutton, which has none (its strings: the global `messages`). Every script
 * is deferred (kulturensrige/sphinx_ext.py), so copybutton.js has added its buttons when this runs: relabel them. */
(() => {
  /* global messages, locale: true, iconCheck: true, iconCopy: true */
  if (typeof messages !== "object" || !messages || messages.da || document.documentElement.lang !== "da") return;
  const da = {
    copy: "Kopiér",
    copy_to_clipboard: "Kopiér til udklipsholderen",
    copy_success: "Kopieret!",
    copy_failure: "Kunne ikke kopiere",
  };
  messages.da = da;
  locale = "da";
  iconCheck = iconCheck.replace(messages.en.copy_success, messages.da.copy_success);
  iconCopy = iconCopy.replace(messages.en.copy_to_clipboard, messages.da.copy_to_clipboard);
  for (const button of document.querySelectorAll("button.copybtn")) {
    button.setAttribute("data-tooltip", messages.da.copy);
    button.innerHTML = iconCopy;
  }
})();
