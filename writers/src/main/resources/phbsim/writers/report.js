// Draws the charts of a phbsim report from the JSON in #data, with uPlot (inlined above).
// Each figure gets data-drawn="1" once drawn; any error is written into #status, so that a
// headless browser's DOM says whether every chart was drawn.
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

  var palette = ["#2b6cb0", "#c05621", "#2f855a", "#805ad5", "#b7791f", "#c53030", "#319795"];

  function width(el) {
    return Math.max(320, Math.min(1100, el.clientWidth || 900));
  }

  function money(u, v) {
    return v == null ? "-" : v.toLocaleString("en-GB", { maximumFractionDigits: 1 });
  }

  function fan(el, c) {
    var v = c.v.map(clean);
    var data = [c.x].concat(v);
    var opts = {
      width: width(el), height: 300,
      scales: { x: { time: !!c.time } },
      series: [
        {},
        { label: "range low", stroke: "rgba(43,108,176,0.15)", width: 1 },
        { label: "95 % CI low", stroke: "rgba(43,108,176,0.35)", width: 1 },
        { label: "mean", stroke: "#2b6cb0", width: 2, value: money },
        { label: "95 % CI high", stroke: "rgba(43,108,176,0.35)", width: 1 },
        { label: "range high", stroke: "rgba(43,108,176,0.15)", width: 1 }
      ],
      bands: [
        { series: [5, 1], fill: "rgba(43,108,176,0.10)" },
        { series: [4, 2], fill: "rgba(43,108,176,0.25)" }
      ],
      axes: [{ label: c.xlabel || "" }, { size: 72 }]
    };
    return new uPlot(opts, data, el);
  }

  function lines(el, c) {
    var series = [{}];
    var data = [c.x];
    c.series.forEach(function (s, i) {
      series.push({ label: s.label, stroke: palette[i % palette.length], width: 2, value: money });
      data.push(clean(s.values));
    });
    var opts = {
      width: width(el), height: 280,
      scales: { x: { time: !!c.time } },
      series: series,
      axes: [{ label: c.xlabel || "" }, { size: 72 }]
    };
    return new uPlot(opts, data, el);
  }

  var charts = JSON.parse(document.getElementById("data").textContent);
  var drawn = 0;
  charts.forEach(function (c, i) {
    var el = document.getElementById("chart-" + i);
    try {
      if (c.kind === "fan") {
        fan(el, c);
      } else {
        lines(el, c);
      }
      el.setAttribute("data-drawn", "1");
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
