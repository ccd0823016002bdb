// Floor plan: booth details on click or keyboard focus, and zoom buttons. Without JavaScript the
// booths are plain links to their pages, so everything still works.
(function () {
  "use strict";
  var panel = document.getElementById("booth-panel");
  var svg = document.querySelector(".plan-svg");
  if (!panel || !svg) { return; }
  var facts = panel.querySelector("dl");
  var empty = panel.querySelector("[data-empty]");
  var open = panel.querySelector("[data-open]");
  var statusNames = {};
  document.querySelectorAll(".legend [data-status-name]").forEach(function (item) {
    statusNames[item.getAttribute("data-status-name")] = item.textContent.replace(/\s*\(\d+\)$/, "");
  });

  function show(booth) {
    ["code", "type", "area", "price", "zone", "exhibitor"].forEach(function (name) {
      facts.querySelector('[data-field="' + name + '"]').textContent = booth.getAttribute("data-" + name) || "—";
    });
    facts.querySelector('[data-field="status"]').textContent =
      statusNames[booth.getAttribute("data-status")] || booth.getAttribute("data-status");
    facts.hidden = false;
    empty.hidden = true;
    open.hidden = false;
    open.querySelector("a").href = booth.getAttribute("href");
    svg.querySelectorAll(".booth.selected").forEach(function (b) { b.classList.remove("selected"); });
    booth.classList.add("selected");
  }

  svg.querySelectorAll("a.booth").forEach(function (booth) {
    // A pointer press focuses the booth (which selects it) before the click, so remember whether it
    // was already selected when the press began.
    var selectedBeforePress = false;
    booth.addEventListener("pointerdown", function () { selectedBeforePress = booth.classList.contains("selected"); });
    booth.addEventListener("focus", function () { show(booth); });
    booth.addEventListener("click", function (event) {
      // The first click or tap shows the details; a second one on the same booth opens its page.
      // Enter on a focused booth (a click with detail 0) opens it at once.
      if (event.detail > 0 && !selectedBeforePress) {
        event.preventDefault();
        show(booth);
        selectedBeforePress = true;
        if (panel.getBoundingClientRect().top > window.innerHeight) {
          panel.scrollIntoView({ block: "nearest" });  // on a phone the details are below the plan
        }
      }
    });
  });

  var tools = document.querySelector(".plan-tools");
  var scale = 1;
  tools.hidden = false;
  tools.addEventListener("click", function (event) {
    var zoom = event.target.getAttribute("data-zoom");
    if (!zoom) { return; }
    scale = zoom === "in" ? Math.min(scale * 1.4, 6) : zoom === "out" ? Math.max(scale / 1.4, 1) : 1;
    svg.style.width = (scale * 100) + "%";
  });
})();
