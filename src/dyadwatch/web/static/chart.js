// Draws the dyad chart from the JSON embedded in the page (no inline script: the CSP forbids it).
(function () {
  "use strict";
  function draw() {
    var holder = document.getElementById("dyad-chart");
    var data = document.getElementById("chart-data");
    if (!holder || !data || typeof Plotly === "undefined") { return; }
    var spec = JSON.parse(data.textContent);
    Plotly.newPlot(holder, spec.data, spec.layout, { displaylogo: false, responsive: true })
      .then(function () { holder.setAttribute("data-drawn", "1"); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
