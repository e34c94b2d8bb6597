(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function show(mark, x, y) {
    document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    mark.classList.add("active");
    tip.textContent = "";
    var head = document.createElement("strong");
    head.textContent = mark.dataset.rule + " ";
    tip.appendChild(head);
    tip.appendChild(document.createTextNode(mark.dataset.message + " "));
    var link = document.createElement("a");
    link.href = "#rule-" + mark.dataset.rule;
    link.textContent = "rule docs";
    tip.appendChild(link);
    tip.style.display = "block";
    tip.style.left = Math.min(x + 12, window.innerWidth - 440) + "px";
    tip.style.top = (y + 14) + "px";
  }
  document.addEventListener("click", function (e) {
    var mark = e.target.closest ? e.target.closest("mark[data-rule]") : null;
    if (mark) { show(mark, e.clientX, e.clientY); e.stopPropagation(); return; }
    if (!e.target.closest || !e.target.closest("#tip")) { tip.style.display = "none"; }
  });
  document.querySelectorAll("aside.findings a[href^='#f-']").forEach(function (a) {
    a.addEventListener("click", function () {
      var mark = document.getElementById(a.getAttribute("href").slice(1));
      if (mark) { setTimeout(function () { var r = mark.getBoundingClientRect(); show(mark, r.left, r.bottom - 10); }, 50); }
    });
  });
  function openRule() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  window.addEventListener("hashchange", openRule);
  openRule();
  document.querySelectorAll("table.index th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var body = th.closest("table").tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var desc = th.dataset.dir !== "desc";
      th.dataset.dir = desc ? "desc" : "asc";
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort || a.cells[col].textContent;
        var y = b.cells[col].dataset.sort || b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return desc ? -cmp : cmp;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
