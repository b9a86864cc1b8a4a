// The page's one script, served from the jar (the Content-Security-Policy allows no other).
(function () {
  // Reset a value to the scenario's.
  document.querySelectorAll("button.reset").forEach(function (b) {
    b.addEventListener("click", function () {
      var input = b.closest("tr").querySelector("input[data-default]");
      input.value = input.getAttribute("data-default");
      b.closest("tr").classList.remove("changed");
    });
  });
  document.querySelectorAll("input[data-default]").forEach(function (i) {
    i.addEventListener("input", function () {
      i.closest("tr").classList.toggle("changed", i.value !== i.getAttribute("data-default"));
    });
  });
  // Progress of a run: asked every half second; the page reloads when the run ends.
  var body = document.body;
  var run = body.getAttribute("data-run");
  var state = body.getAttribute("data-state");
  if (run && (state === "QUEUED" || state === "RUNNING")) {
    var poll = function () {
      fetch("/runs/" + run + "/status", { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          var bar = document.getElementById("progress");
          if (bar) { bar.max = s.total; bar.value = s.done; }
          var text = document.getElementById("progress-text");
          if (text) { text.textContent = s.done + " of " + s.total + " replications" + (s.state === "QUEUED" ? " (waiting for a free place)" : ""); }
          if (s.state === "QUEUED" || s.state === "RUNNING") { setTimeout(poll, 500); } else { location.reload(); }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 300);
  }
})();
