/*
 * tjekliste.js: the guide's checklist keeps its ticks in this browser (localStorage), across reloads and
 * across the pages that show the guide; its reset button (markup and words from kulturensrige/guide.py)
 * clears the ticks of that list. Without storage the boxes work as plain checkboxes for the visit.
 */
(function () {
  "use strict";
  var KEY = "kr-tjekliste";

  function read() {
    try {
      return JSON.parse(localStorage.getItem(KEY)) || {};
    } catch (e) {
      return null;
    }
  }

  function write(ticks) {
    try {
      localStorage.setItem(KEY, JSON.stringify(ticks));
    } catch (e) {
      /* storage refused (private mode, full): the ticks last for this visit */
    }
  }

  document.querySelectorAll("[data-kr-checklist]").forEach(function (list) {
    var boxes = list.querySelectorAll("input[data-kr-check]");
    var ticks = read();
    if (ticks === null) return;
    boxes.forEach(function (box) {
      box.checked = ticks[box.dataset.krCheck] === true;
      box.addEventListener("change", function () {
        var now = read() || {};
        if (box.checked) now[box.dataset.krCheck] = true;
        else delete now[box.dataset.krCheck];
        write(now);
      });
    });
    list.querySelector(".kr-checklist-reset").addEventListener("click", function () {
      var now = read() || {};
      boxes.forEach(function (box) {
        box.checked = false;
        delete now[box.dataset.krCheck];
      });
      write(now);
    });
    list.querySelector(".kr-checklist-controls").hidden = false;
  });
})();
