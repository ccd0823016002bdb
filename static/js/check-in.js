// The check-in desk. A hand scanner types the code and Enter into the field: the scan is sent without
// reloading the page, the result, the count and the last scans are swapped in from the answer, and the
// field is emptied and keeps the focus for the next badge. Where the browser reads QR codes
// (BarcodeDetector), the camera scans too; elsewhere its button stays hidden. An optional short tone
// per result (off unless the operator turns it on; remembered on this device).
(function () {
  "use strict";
  var form = document.getElementById("check-in-form");
  var field = document.getElementById("code");
  if (!form || !field) return;
  var sending = false;
  var queue = [];

  function focusField() {
    if (document.activeElement !== field) field.focus({ preventScroll: true });
  }

  function swap(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    ["desk-result", "desk-count", "desk-scans"].forEach(function (id) {
      var fresh = page.getElementById(id);
      var old = document.getElementById(id);
      if (fresh && old) old.replaceWith(fresh);
    });
    var outcome = document.querySelector("#desk-result [data-result]");
    return outcome ? outcome.getAttribute("data-result") : "";
  }

  function send(code) {
    if (sending) { queue.push(code); return; }
    sending = true;
    var data = new FormData(form);
    data.set("code", code);
    fetch(form.action || window.location.href, { method: "POST", body: data, credentials: "same-origin",
                                                 headers: { "Accept": "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) { beep(swap(html)); })
      .catch(function () { field.value = code; form.submit(); })
      .then(function () {
        sending = false;
        focusField();
        if (queue.length) send(queue.shift());
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var code = field.value.trim();
    field.value = "";
    focusField();
    if (code) send(code);
  });

  // The field keeps the focus: a click on the page (not on a control) or a key typed while the focus is
  // elsewhere (a scanner starting the next badge) brings it back; links and buttons still work.
  document.addEventListener("click", function (event) {
    if (!event.target.closest("a, button, input, label, select, textarea, video, summary")) focusField();
  });
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    var typing = active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
    if (!typing && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) focusField();
  });
  window.addEventListener("focus", focusField);
  focusField();

  // A short tone per result, through WebAudio: high for checked in, two low for already, a buzz for refused.
  var soundBox = document.getElementById("desk-sound");
  var soundChoice = document.getElementById("desk-sound-choice");
  var AudioContext = window.AudioContext || window.webkitAudioContext;
  var audio = null;
  if (soundBox && soundChoice && AudioContext) {
    soundChoice.hidden = false;
    try { soundBox.checked = window.localStorage.getItem("fairmatch-desk-sound") === "on"; } catch (e) { /* private mode */ }
    soundBox.addEventListener("change", function () {
      try { window.localStorage.setItem("fairmatch-desk-sound", soundBox.checked ? "on" : "off"); } catch (e) { /* */ }
      focusField();
    });
  }
  var TONES = { ok: [[880, 0.12]], meeting: [[660, 0.12]], again: [[440, 0.1], [440, 0.1]], unknown: [[160, 0.35]] };
  function beep(result) {
    if (!soundBox || !soundBox.checked || !AudioContext || !TONES[result]) return;
    audio = audio || new AudioContext();
    var start = audio.currentTime;
    TONES[result].forEach(function (tone) {
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.type = result === "unknown" ? "square" : "sine";
      oscillator.frequency.value = tone[0];
      gain.gain.value = 0.08;
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + tone[1]);
      start += tone[1] + 0.06;
    });
  }
  var first = document.querySelector("#desk-result [data-result]");
  if (first) beep(first.getAttribute("data-result"));

  // The camera, where the browser can read QR codes.
  var button = document.getElementById("scan-camera");
  var video = document.getElementById("camera");
  if (!button || !video || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  var stream = null;
  function stop() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.hidden = true;
    button.setAttribute("aria-pressed", "false");
    focusField();
  }
  button.addEventListener("click", function () {
    if (stream) { stop(); return; }
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    var last = "";
    var lastAt = 0;
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
      stream = media;
      video.srcObject = media;
      video.hidden = false;
      button.setAttribute("aria-pressed", "true");
      video.play();
      var look = function () {
        if (!stream) return;
        detector.detect(video).then(function (codes) {
          var now = Date.now();
          // The camera sees a badge many times a second: one scan per badge, until another is shown.
          if (codes.length && (codes[0].rawValue !== last || now - lastAt > 4000)) {
            last = codes[0].rawValue;
            lastAt = now;
            send(last);
          }
          window.setTimeout(look, 150);
        }).catch(function () { window.setTimeout(look, 300); });
      };
      look();
    }).catch(stop);
  });
})();
