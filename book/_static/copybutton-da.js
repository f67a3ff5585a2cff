/*
 * copybutton-da.js: Danish for sphinx-copybutton's buttons on code cells.
 *
 * sphinx-copybutton ships no Danish strings and falls back to English ("Copy", "Copied!"). Its
 * copybutton.js keeps them in the global `messages` and picks `locale` when it loads. The book loads
 * every script deferred (kulturensrige/sphinx_ext.py), in document order: copybutton.js then runs after
 * parsing and adds its buttons at once, before this script; so this one also relabels those buttons.
 */
(function () {
  "use strict";
  /* global messages, locale: true, iconCheck: true, iconCopy: true */
  if (typeof messages !== "object" || !messages || messages.da) {
    return;
  }
  messages.da = {
    copy: "Kopiér",
    copy_to_clipboard: "Kopiér til udklipsholderen",
    copy_success: "Kopieret!",
    copy_failure: "Kunne ikke kopiere",
  };
  if (document.documentElement.lang === "da") {
    locale = "da";
    iconCheck = iconCheck.replace(messages.en.copy_success, messages.da.copy_success);
    iconCopy = iconCopy.replace(messages.en.copy_to_clipboard, messages.da.copy_to_clipboard);
    document.querySelectorAll("button.copybtn").forEach((button) => {
      button.setAttribute("data-tooltip", messages.da.copy);
      button.innerHTML = iconCopy;
    });
  }
})();
