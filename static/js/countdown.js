// Shows the time left on a booth hold, counting down each second.
(function () {
  "use strict";
  document.querySelectorAll(".countdown[data-expires]").forEach(function (node) {
    var end = Date.parse(node.getAttribute("data-expires"));
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      if (left === 0) {
        node.textContent = node.getAttribute("data-expired-text");
        return;
      }
      var minutes = Math.floor(left / 60), seconds = left % 60;
      node.textContent = "(" + minutes + ":" + (seconds < 10 ? "0" : "") + seconds + ")";
      window.setTimeout(tick, 1000);
    }
    tick();
  });
})();
