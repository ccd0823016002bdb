// Small enhancements for every page; everything works without them.
(function () {
  "use strict";
  // On a phone the site's sections are one line that scrolls sideways: bring the current one into view.
  var nav = document.querySelector(".site-nav");
  var current = nav && nav.querySelector('[aria-current="page"]');
  if (current && nav.scrollWidth > nav.clientWidth) {
    nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }
  // A table wider than the screen scrolls inside its frame: let the keyboard reach and scroll it.
  document.querySelectorAll(".table-wrap").forEach(function (frame) {
    if (frame.scrollWidth > frame.clientWidth && !frame.hasAttribute("tabindex")) {
      frame.setAttribute("tabindex", "0");
    }
  });
})();
