// dyad dashboard: progressive enhancement only. Every page works without
// this script; it refreshes the ingest page while a job runs and lets the
// arrow keys move between the index chart's periods.
"use strict";
(function () {
  var jobs = document.querySelector("[data-refresh]");
  if (jobs) {
    var seconds = parseInt(jobs.getAttribute("data-refresh"), 10) || 2;
    setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }
  var chart = document.getElementById("index-chart");
  if (chart) {
    var periods = Array.prototype.slice.call(chart.querySelectorAll("a.period"));
    chart.addEventListener("keydown", function (e) {
      var i = periods.indexOf(document.activeElement);
      if (i < 0) { return; }
      if (e.key === "ArrowRight" && i + 1 < periods.length) { periods[i + 1].focus(); e.preventDefault(); }
      if (e.key === "ArrowLeft" && i > 0) { periods[i - 1].focus(); e.preventDefault(); }
    });
  }
})();
