// The check-in desk: where the browser can read QR codes (BarcodeDetector), the camera fills the
// code field and sends the form; elsewhere the field takes what a USB scanner types.
(function () {
  "use strict";
  var button = document.getElementById("scan-camera");
  var video = document.getElementById("camera");
  var field = document.getElementById("code");
  var form = document.getElementById("check-in-form");
  if (!button || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      var look = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length) {
            stream.getTracks().forEach(function (track) { track.stop(); });
            field.value = codes[0].rawValue;
            form.submit();
          } else {
            window.requestAnimationFrame(look);
          }
        }).catch(function () { window.requestAnimationFrame(look); });
      };
      look();
    });
  });
})();
