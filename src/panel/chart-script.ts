/**
 * The Deliveries page's one script, served from /assets/delivery-charts.js (the CSP allows scripts from
 * the panel only, none inline). It reads the figures the server put in a JSON block and draws each chart
 * with uPlot (served from /assets/uplot.js): posts per day by platform, by outcome, and lateness. Without
 * scripts the page still has the same figures as a table.
 */
export const DELIVERY_CHARTS_JS = `
(function () {
  var source = document.getElementById("delivery-figures");
  if (!source || typeof uPlot === "undefined") return;
  var figures = JSON.parse(source.textContent || "{}");
  var colours = ["#0b5cad", "#a4161a", "#1b6e35", "#8a4f00", "#5b2a86", "#00727a", "#5a5a66", "#b0125b", "#3d6b00"];
  var xs = figures.days.map(function (day) { return Date.parse(day + "T00:00:00Z") / 1000; });
  function draw(id, series) {
    var box = document.getElementById(id);
    if (!box || series.length === 0) return;
    var width = Math.max(280, Math.min(box.clientWidth || 640, 960));
    var options = {
      width: width,
      height: 220,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "UTC"); },
      scales: { x: { time: true } },
      series: [{}].concat(series.map(function (s, i) {
        return { label: s.label, stroke: colours[i % colours.length], width: 2, points: { show: true } };
      })),
      axes: [{}, { size: 48 }]
    };
    var data = [xs].concat(series.map(function (s) { return s.values; }));
    box.textContent = "";
    new uPlot(options, data, box);
    box.setAttribute("data-drawn", "true");
  }
  draw("chart-platforms", figures.platforms);
  draw("chart-outcomes", figures.outcomes);
  draw("chart-lateness", figures.lateness);
})();
`;
