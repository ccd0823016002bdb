// The booth queue's "select all": a checkbox in a table's heading ticks every row of the page that
// belongs to the same bulk form. Without JavaScript the heading's "All" link does the same.
(function () {
  "use strict";
  document.querySelectorAll("input[data-select-all]").forEach(function (all) {
    var form = all.getAttribute("data-select-all");
    var boxes = document.querySelectorAll('input[name="ids"][form="' + form + '"]');
    var link = all.parentNode.querySelector(".select-all-link");
    all.hidden = false;
    if (link) { link.hidden = true; }
    function sync() {
      var ticked = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).length;
      all.checked = ticked === boxes.length && ticked > 0;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    }
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
    boxes.forEach(function (box) { box.addEventListener("change", sync); });
    sync();
  });
})();
