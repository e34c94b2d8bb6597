(function () {
  "use strict";
  // Tooltips on marked text: the rule, the message and a link to the rule's docs.
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
    tip.style.left = Math.max(4, Math.min(x + 12, window.innerWidth - 440)) + "px";
    tip.style.top = (y + 14) + "px";
  }
  document.addEventListener("click", function (e) {
    var mark = e.target.closest ? e.target.closest("mark[data-rule]") : null;
    if (mark) { show(mark, e.clientX, e.clientY); e.stopPropagation(); return; }
    if (!e.target.closest || !e.target.closest("#tip")) { tip.style.display = "none"; }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { tip.style.display = "none"; } });
  function focusTarget() {
    var id = location.hash.slice(1);
    if (!id || id.indexOf("findings?") === 0) { return; }
    var target = document.getElementById(id);
    if (!target) { return; }
    var box = target.closest("details");
    while (box) { box.open = true; box = box.parentElement && box.parentElement.closest("details"); }
    if (target.tagName === "DETAILS") { target.open = true; }
    if (target.tagName === "MARK") {
      setTimeout(function () { var r = target.getBoundingClientRect(); show(target, r.left, r.bottom - 10); }, 50);
    }
  }

  // The findings table: rows rendered from the page's JSON, filtered, a page at a time.
  var dataNode = document.getElementById("medlint-data");
  var form = document.querySelector("form.filters");
  if (!dataNode || !form) { window.addEventListener("hashchange", focusTarget); focusTarget(); return; }
  var data = JSON.parse(dataNode.textContent);
  var body = document.querySelector("table.findings-table tbody");
  var shown = document.querySelector("p.shown");
  var more = document.querySelector("button.more");
  var SEV = { e: "error", w: "warning", i: "info" };
  var PAGE = 200;
  var limit = PAGE;
  var str = data.strings;
  var haystack = data.findings.map(function (f) {
    var a = data.articles[f[2]];
    return (f[1] + " " + str[f[4]] + " " + str[f[5]] + " " + a[0] + " " + a[1]).toLowerCase();
  });

  function state() {
    var severities = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) { severities[box.value] = box.checked; });
    return {
      severity: severities,
      family: form.elements.family.value,
      rule: form.elements.rule.value,
      article: form.elements.article.value,
      text: form.elements.text.value.trim().toLowerCase()
    };
  }
  function passes(f, k, s) {
    if (!s.severity[SEV[f[0]]]) { return false; }
    if (s.rule && s.rule.split(",").indexOf(f[1]) < 0) { return false; }
    if (s.family && data.families[f[1]] !== s.family) { return false; }
    if (s.article !== "" && String(f[2]) !== s.article) { return false; }
    if (s.text && haystack[k].indexOf(s.text) < 0) { return false; }
    return true;
  }
  function cell(row, text, cls) {
    var td = document.createElement("td");
    if (cls) { td.className = cls; }
    td.textContent = text;
    row.appendChild(td);
    return td;
  }
  function render() {
    var s = state();
    var matches = [];
    data.findings.forEach(function (f, k) { if (passes(f, k, s)) { matches.push(f); } });
    body.textContent = "";
    matches.slice(0, limit).forEach(function (f) {
      var a = data.articles[f[2]];
      var row = document.createElement("tr");
      row.dataset.severity = SEV[f[0]];
      row.dataset.rule = f[1];
      var sev = cell(row, "");
      var pill = document.createElement("span");
      pill.className = "pill " + SEV[f[0]];
      pill.textContent = SEV[f[0]];
      sev.appendChild(pill);
      var code = cell(row, "");
      var rl = document.createElement("a");
      rl.href = "#rule-" + f[1];
      rl.textContent = f[1];
      code.appendChild(rl);
      var art = cell(row, "");
      var al = document.createElement("a");
      al.href = a[2] + "#" + a[3] + "f-" + f[6];
      al.textContent = a[0];
      art.appendChild(al);
      var path = document.createElement("div");
      path.className = "muted small";
      path.textContent = a[1];
      art.appendChild(path);
      cell(row, String(f[3]), "num");
      cell(row, str[f[4]]);
      cell(row, str[f[5]], "snippet");
      body.appendChild(row);
    });
    shown.textContent = "Showing " + Math.min(limit, matches.length) + " of " + matches.length +
      " findings (" + data.findings.length + " in all)";
    more.hidden = matches.length <= limit;
  }
  function apply(query) {
    form.reset();
    query.split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv.length !== 2) { return; }
      var key = decodeURIComponent(kv[0]), value = decodeURIComponent(kv[1]);
      if (key === "severity") {
        form.querySelectorAll("input[name=severity]").forEach(function (box) { box.checked = box.value === value; });
      } else if (form.elements[key]) {
        var field = form.elements[key];
        if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value;
          field.appendChild(option);
        }
        field.value = value;
      }
    });
    limit = PAGE;
    render();
  }
  form.addEventListener("input", function () { limit = PAGE; render(); });
  form.addEventListener("change", function () { limit = PAGE; render(); });
  form.addEventListener("reset", function () { setTimeout(function () { limit = PAGE; render(); }, 0); });
  more.addEventListener("click", function () { limit += PAGE; render(); });
  document.querySelectorAll("a[data-filter]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      apply(a.dataset.filter);
      history.replaceState(null, "", "#findings?" + a.dataset.filter);
      document.getElementById("findings").scrollIntoView();
    });
  });
  function fromHash() {
    if (location.hash.indexOf("#findings?") === 0) { apply(location.hash.slice(10)); } else { focusTarget(); }
  }
  window.addEventListener("hashchange", fromHash);
  render();
  fromHash();
  window.medlintReport = { apply: apply, render: render };
})();
