// A job's progress page: asks the job's JSON every second, moves the bar, and opens the result
// (the review, the report, the file) when the job is done.
(function () {
  "use strict";
  var box = document.querySelector("[data-job]");
  if (!box) { return; }
  var bar = box.querySelector("progress");
  var message = box.querySelector("[data-job-message]");
  var percent = box.querySelector("[data-job-percent]");
  var error = box.querySelector("[data-job-error]");
  var done = box.querySelector("[data-job-done]");
  var link = box.querySelector("[data-job-result]");
  var back = box.querySelector("[data-job-back]");

  function show(job) {
    bar.value = job.progress;
    if (job.message) { message.textContent = job.message; }
    percent.textContent = job.state === "running" ? "— " + Math.round(job.progress * 100) + " %" : "";
    if (job.state === "failed") {
      error.textContent = job.error;
      error.hidden = false;
      back.hidden = false;
      return false;
    }
    if (job.state === "done") {
      var url = job.result && job.result.url;
      if (url) {
        link.href = url;
        done.hidden = false;
        window.location.assign(url);
      }
      return false;
    }
    return true;
  }

  function poll() {
    fetch(box.getAttribute("data-job"), {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (job === null || show(job)) { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
