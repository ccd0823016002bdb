// Floor plan: booth details on click or keyboard focus, what the signed-in person may do with the
// booth (the server's verdicts, from the booking rules), and zoom buttons. Without JavaScript the
// booths are plain links to their pages, which say the same, so everything still works.
(function () {
  "use strict";
  var panel = document.getElementById("booth-panel");
  var svg = document.querySelector(".plan-svg");
  if (!panel || !svg) { return; }
  var facts = panel.querySelector("dl");
  var empty = panel.querySelector("[data-empty]");
  var open = panel.querySelector("[data-open]");
  var verdict = panel.querySelector("[data-verdict]");
  var close = panel.querySelector("[data-close]");
  var statusNames = {};
  document.querySelectorAll(".legend [data-status-name]").forEach(function (item) {
    statusNames[item.getAttribute("data-status-name")] = item.textContent.replace(/\s*\(\d+\)$/, "").trim();
  });
  var verdicts = null;
  var source = document.getElementById("booth-verdicts");
  if (source) {
    try { verdicts = JSON.parse(source.getAttribute("data-verdicts")); } catch (error) { verdicts = null; }
  }

  // Each booth's name for assistive technology, before the person's verdict is added to it.
  var labels = {};
  svg.querySelectorAll("a.booth").forEach(function (booth) {
    labels[booth.getAttribute("data-code")] = booth.getAttribute("aria-label");
  });

  // Booths that the person cannot hold, or that are theirs, are marked on the drawing too.
  function mark() {
    if (!verdicts) { return; }
    svg.querySelectorAll("a.booth").forEach(function (booth) {
      var code = booth.getAttribute("data-code");
      var suffix = "";
      booth.classList.remove("refused", "mine");
      if (code in verdicts.refused) {
        booth.classList.add("refused");
        suffix = " — " + panel.getAttribute("data-refused-title") + " " + verdicts.reasons[verdicts.refused[code]];
      } else if (code in verdicts.mine) {
        booth.classList.add("mine");
        suffix = " — " + panel.getAttribute("data-mine-text") + " " + verdicts.mine[code][0];
      }
      booth.setAttribute("aria-label", labels[code] + suffix);
    });
  }
  mark();

  function paragraph(text, strong) {
    var p = document.createElement("p");
    if (strong) {
      var b = document.createElement("strong");
      b.textContent = strong;
      p.appendChild(b);
      p.appendChild(document.createTextNode(" "));
    }
    p.appendChild(document.createTextNode(text));
    return p;
  }

  // What the person may do: returns [the link's text, its address] for the panel's button.
  function judge(booth) {
    var code = booth.getAttribute("data-code");
    var status = booth.getAttribute("data-status");
    verdict.textContent = "";
    verdict.className = "verdict";
    var link = [open.getAttribute("data-text"), booth.getAttribute("href")];
    if (verdicts && code in verdicts.mine) {
      verdict.classList.add("mine");
      verdict.appendChild(paragraph(verdicts.mine[code][0], panel.getAttribute("data-mine-text")));
      link = [panel.getAttribute("data-mine-link"), verdicts.mine[code][1]];
    } else if (verdicts && code in verdicts.refused) {
      verdict.classList.add("refused");
      verdict.appendChild(paragraph(verdicts.reasons[verdicts.refused[code]], panel.getAttribute("data-refused-title")));
    } else if (status !== "available" && status !== "blocked") {
      verdict.appendChild(paragraph(panel.getAttribute("data-taken-text")));
      if (verdicts) {
        var wait = document.createElement("a");
        wait.href = panel.getAttribute("data-waitlist-href");
        wait.textContent = panel.getAttribute("data-waitlist-link");
        verdict.lastChild.appendChild(document.createTextNode(" "));
        verdict.lastChild.appendChild(wait);
      }
    } else if (verdicts && status === "available") {
      verdict.classList.add("free");
      verdict.appendChild(paragraph(panel.getAttribute("data-free-text")));
    }
    verdict.hidden = !verdict.firstChild;
    return link;
  }

  function show(booth) {
    ["code", "type", "area", "price", "zone", "exhibitor"].forEach(function (name) {
      facts.querySelector('[data-field="' + name + '"]').textContent = booth.getAttribute("data-" + name) || "—";
    });
    facts.querySelector('[data-field="status"]').textContent =
      statusNames[booth.getAttribute("data-status")] || booth.getAttribute("data-status");
    facts.hidden = false;
    empty.hidden = true;
    var link = judge(booth);
    var button = open.querySelector("a");
    button.textContent = link[0];
    button.href = link[1];
    open.hidden = false;
    close.hidden = false;
    panel.classList.add("open");
    svg.querySelectorAll(".booth.selected").forEach(function (b) { b.classList.remove("selected"); });
    booth.classList.add("selected");
  }

  var quiet = false;

  function isSheet() { return window.getComputedStyle(panel).position === "fixed"; }

  // On a phone the panel is a sheet at the foot of the screen: the page gets room to scroll the chosen
  // booth above it. Elsewhere the panel sits beside (or below) the plan: bring it into view.
  function reveal(booth) {
    if (!isSheet()) {
      document.body.style.paddingBottom = "";
      var end = open.getBoundingClientRect();
      if (end.bottom > window.innerHeight || panel.getBoundingClientRect().top < 0) {
        open.scrollIntoView({ block: "nearest" });
      }
      return;
    }
    window.requestAnimationFrame(function () {
      var sheetTop = panel.getBoundingClientRect().top;
      document.body.style.paddingBottom = Math.ceil(window.innerHeight - sheetTop) + "px";
      var spot = booth.getBoundingClientRect();
      if (spot.bottom > sheetTop - 8) {
        window.scrollBy(0, spot.bottom - sheetTop + 24);
      } else if (spot.top < 0) {
        window.scrollBy(0, spot.top - 24);
      }
    });
  }

  open.setAttribute("data-text", open.querySelector("a").textContent);

  function closeSheet() {
    panel.classList.remove("open");
    document.body.style.paddingBottom = "";
    var selected = svg.querySelector(".booth.selected");
    if (selected) {
      quiet = true;  // back on the booth for the keyboard, without opening the sheet again
      selected.focus({ preventScroll: true });
      quiet = false;
    }
  }

  close.addEventListener("click", closeSheet);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel.classList.contains("open") && isSheet()) { closeSheet(); }
  });

  svg.querySelectorAll("a.booth").forEach(function (booth) {
    // A pointer press focuses the booth before the click. The details wait for the click: shown on
    // the press, the phone's sheet would rise under the finger and take the tap meant for the booth.
    var selectedBeforePress = false;
    var pressed = false;
    booth.addEventListener("pointerdown", function () {
      selectedBeforePress = booth.classList.contains("selected");
      pressed = true;
    });
    booth.addEventListener("focus", function () {
      if (!pressed && !quiet) { show(booth); }
    });
    booth.addEventListener("click", function (event) {
      pressed = false;
      // The first click or tap shows the details; a second one on the same booth opens its page.
      // Enter on a focused booth (a click with detail 0) opens it at once.
      if (event.detail > 0 && !selectedBeforePress) {
        event.preventDefault();
        show(booth);
        selectedBeforePress = true;
        reveal(booth);
      }
    });
  });

  // Zoom: 1 is the plan's own size (fitted to its box on a wide screen, big enough to tap on a phone);
  // "Fit" shows the whole plan in its box.
  var tools = document.querySelector(".plan-tools");
  var scroller = document.querySelector(".plan-scroll");
  var scale = 1;
  var base = 0;
  tools.hidden = false;
  tools.addEventListener("click", function (event) {
    var zoom = event.target.getAttribute("data-zoom");
    if (!zoom) { return; }
    if (!base) { base = svg.getBoundingClientRect().width; }
    var smallest = Math.min(1, scroller.clientWidth / base);
    scale = zoom === "in" ? Math.min(scale * 1.4, 6) : zoom === "out" ? Math.max(scale / 1.4, smallest) : smallest;
    svg.style.width = scale === 1 ? "" : Math.round(base * scale) + "px";
    svg.style.minWidth = scale === 1 ? "" : "0";
  });

  // The open plan keeps itself up to date, so that nobody chooses a booth that went a minute ago:
  // every few seconds, while the page is in view, it asks whether the plan changed since the state
  // it shows (an ETag: "304 Not Modified" costs the server one query) and redraws the booths that did.
  var live = document.getElementById("plan-live");
  var SVG_NS = "http://www.w3.org/2000/svg";
  var EVERY_MS = 12000;

  function redraw(booth, now) {
    var code = booth.getAttribute("data-code");
    var name = now.exhibitor || "";
    booth.classList.remove("status-" + booth.getAttribute("data-status"));
    booth.classList.add("status-" + now.status);
    booth.classList.toggle("dim", !!now.dim);
    booth.setAttribute("data-status", now.status);
    booth.setAttribute("data-exhibitor", name);
    labels[code] = code + ": " + (statusNames[now.status] || now.status) + (name ? ", " + name : "");
    booth.setAttribute("aria-label", labels[code]);
    var who = svg.querySelector('text.who[data-who="' + code + '"]');
    if (name && !who) {
      var codeText = booth.querySelector("text.code");
      who = document.createElementNS(SVG_NS, "text");
      who.setAttribute("class", "who");
      who.setAttribute("aria-hidden", "true");
      who.setAttribute("data-who", code);
      who.setAttribute("x", codeText.getAttribute("x"));
      who.setAttribute("y", String(parseFloat(codeText.getAttribute("y")) + 1.05));
      booth.parentNode.insertBefore(who, booth.nextSibling);
    } else if (!name && who) {
      who.parentNode.removeChild(who);
      who = null;
    }
    if (who) {
      who.textContent = now.short || name;
      who.classList.toggle("dim", !!now.dim);
    }
    var row = document.querySelector('.booth-list tr[data-code="' + code + '"]');
    if (row) {
      row.querySelector('[data-cell="status"]').textContent = statusNames[now.status] || now.status;
      var cell = row.querySelector('[data-cell="exhibitor"]');
      cell.textContent = "";
      if (name) {
        var link = document.createElement("a");
        link.href = now.profile;
        link.textContent = name;
        cell.appendChild(link);
      }
    }
  }

  function update(state) {
    var changed = false;
    svg.querySelectorAll("a.booth").forEach(function (booth) {
      var now = state.booths[booth.getAttribute("data-code")];
      if (!now) { return; }
      if (booth.getAttribute("data-status") !== now.status || booth.getAttribute("data-exhibitor") !== (now.exhibitor || "")
          || booth.classList.contains("dim") !== !!now.dim) {
        redraw(booth, now);
        changed = true;
      }
    });
    if (state.verdicts) {
      verdicts = state.verdicts;
      changed = true;
    }
    mark();
    document.querySelectorAll(".legend [data-status-name]").forEach(function (item) {
      var status = item.getAttribute("data-status-name");
      if (status in state.counts) { item.lastChild.textContent = statusNames[status] + " (" + state.counts[status] + ")"; }
    });
    var selected = svg.querySelector(".booth.selected");
    if (changed && selected && panel.classList.contains("open")) { show(selected); }
    live.textContent = live.getAttribute("data-updated-text") + " " + new Date().toLocaleTimeString(document.documentElement.lang || undefined);
  }

  if (live && window.fetch) {
    var tag = live.getAttribute("data-state-tag");
    var asking = false;
    var poll = function () {
      if (asking || document.hidden) { return; }
      asking = true;
      window.fetch(live.getAttribute("data-state-url"), {
        headers: { "If-None-Match": '"' + tag + '"', "Accept": "application/json" },
        cache: "no-store",
        credentials: "same-origin"
      }).then(function (response) {
        if (response.status !== 200) { return null; }
        tag = (response.headers.get("ETag") || "").replace(/^W\//, "").replace(/"/g, "") || tag;
        return response.json();
      }).then(function (state) {
        if (state) { update(state); }
      }).catch(function () {
        // Offline for a moment: the next poll tries again.
      }).then(function () { asking = false; });
    };
    window.setInterval(poll, EVERY_MS);
    document.addEventListener("visibilitychange", poll);
  }
})();
