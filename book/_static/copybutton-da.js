/*
 * copybutton-da.js: Danish for sphinx-copybutton's buttons on code cells.
 *
 * sphinx-copybutton ships no Danish strings and falls back to English ("Copy", "Copied!"). Its
 * copybutton.js (a classic script in <head>) keeps them in the global `messages`, picks `locale`
 * when it loads, and adds its buttons at DOMContentLoaded; this deferred script runs in between.
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
  }
})();
