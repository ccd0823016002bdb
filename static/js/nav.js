// On a phone the site's sections are one line that scrolls sideways: bring the current one into view.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var current = nav && nav.querySelector('[aria-current="page"]');
  if (current && nav.scrollWidth > nav.clientWidth) {
    nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }
})();
