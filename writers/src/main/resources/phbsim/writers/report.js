// Draws the charts of a phbsim report from the JSON in #data, with uPlot (inlined above).
// Each figure gets data-drawn="1" once drawn; any error is written into #status, so that a
// headless browser's DOM says whether every chart was drawn.
// The legend is printed by the page under each chart (uPlot's hover legend is off), so a chart
// read on paper or as a picture has its key and no "Time: -- | mean: -" read-out.
(function () {
  "use strict";
  var status = document.getElementById("status");
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push(String(e.message));
    status.textContent = "errors: " + errors.join("; ");
    status.setAttribute("data-errors", String(errors.length));
  });

  // JSON from Java writes a missing value (NaN) as the string "NaN": uPlot wants null for a gap.
  function clean(values) {
    return values.map(function (v) { return typeof v === "number" && isFinite(v) ? v : null; });
  }

  // No wider than A4's printable width (about 700 CSS pixels), so printing loses nothing.
  function width(el) {
    return Math.max(300, Math.min(700, el.clientWidth || 540));
  }

  function number(u, splits) {
    return splits.map(function (v) {
      return v == null ? "" : v < 0
        ? "(" + (-v).toLocaleString("en-GB", { maximumFractionDigits: 2 }) + ")"
        : v.toLocaleString("en-GB", { maximumFractionDigits: 2 });
    });
  }

  function dash(d) {
    return d === "dashed" ? [7, 4] : d === "dotted" ? [2, 3] : undefined;
  }

  // The x-axis: financial years and months where the chart runs over time, else its own values.
  function xAxis(c) {
    var a = { label: c.xlabel || "", labelSize: 20, size: 40 };
    if (c.xsplits) {
      a.splits = function () { return c.xsplits; };
      a.values = function () { return c.xticks; };
    }
    return a;
  }

  function yAxis(c) {
    return { label: c.ylabel || "", labelSize: 20, size: 76, values: number };
  }

  function base(el, c, series, height) {
    return {
      width: width(el), height: height,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false } },
      series: series,
      axes: [xAxis(c), yAxis(c)]
    };
  }

  function fan(el, c) {
    var v = c.v.map(clean);
    var data = [c.x].concat(v);
    var opts = base(el, c, [
      {},
      { stroke: "rgba(43,108,176,0.15)", width: 1 },
      { stroke: "rgba(43,108,176,0.35)", width: 1 },
      { stroke: "#2b6cb0", width: 2 },
      { stroke: "rgba(43,108,176,0.35)", width: 1 },
      { stroke: "rgba(43,108,176,0.15)", width: 1 }
    ], 260);
    opts.bands = [
      { series: [5, 1], fill: "rgba(43,108,176,0.10)" },
      { series: [4, 2], fill: "rgba(43,108,176,0.25)" }
    ];
    return new uPlot(opts, data, el);
  }

  function lines(el, c) {
    var series = [{}];
    var data = [c.x];
    c.series.forEach(function (s) {
      series.push({
        stroke: s.colour, width: s.arm === "status_quo" ? 2.5 : 2, dash: dash(s.dash)
      });
      data.push(clean(s.values));
    });
    return new uPlot(base(el, c, series, 260), data, el);
  }

  var charts = JSON.parse(document.getElementById("data").textContent);
  var drawn = 0;
  charts.forEach(function (c, i) {
    var fig = document.getElementById("chart-" + i);
    var el = fig.querySelector(".plot");
    try {
      if (c.kind === "fan") {
        fan(el, c);
      } else {
        lines(el, c);
      }
      fig.setAttribute("data-drawn", "1");
      drawn++;
    } catch (e) {
      errors.push("chart " + i + ": " + e);
    }
  });
  status.setAttribute("data-charts", String(charts.length));
  status.setAttribute("data-drawn", String(drawn));
  status.setAttribute("data-errors", String(errors.length));
  status.textContent = drawn + " of " + charts.length + " charts drawn" +
    (errors.length ? "; errors: " + errors.join("; ") : "");
})();
