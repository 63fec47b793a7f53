/*
 * The LMS inspector's panel: the SCO runs in the frame against the strict SCORM run-time
 * (strict-lms.js, the one the toolkit's tests use); this panel shows what that run-time holds, live.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var version = params.get("version") === "2004" ? "2004" : "1.2";
  /* The page to run: a path of the package on this server, and nothing else. A `javascript:` URL or
   * another site's page would run in the preview's origin, where the drafts are. */
  function packagePage(text) {
    if (!/^\/(?![\/\\])[A-Za-z0-9._~\-\/]*\.html$/.test(text) || text.indexOf("..") !== -1) return "";
    var url = new URL(text, window.location.href);
    return url.origin === window.location.origin ? url.pathname : "";
  }
  var asked = params.get("sco") || "";
  var sco = packagePage(asked);
  var frame = document.getElementById("sco");
  frame.src = sco || "about:blank";
  if (asked && !sco) {
    document.getElementById("version").textContent = version + " (refused `sco`: only a page of this package can run here)";
  }
  if (!asked || sco) document.getElementById("version").textContent = version;

  function text(id, value) { document.getElementById(id).textContent = value; }

  fetch("/__preview/status", { cache: "no-store" }).then(function (response) { return response.json(); }).then(function (status) {
    var limit = status.suspendDataLimit || (version === "1.2" ? 4096 : 64000);
    document.getElementById("suspend-meter").max = limit;
    document.getElementById("suspend-meter").high = Math.round(limit * 0.8);
    var select = document.getElementById("thing");
    (status.things || []).forEach(function (page) {
      var option = document.createElement("option");
      option.value = "/" + page;
      option.textContent = page.replace(/^things\//, "").replace(/\.html$/, "");
      if ("/" + page === sco) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      window.location.search = "?version=" + version + "&sco=" + encodeURIComponent(select.value);
    });
    window.previewSuspendLimit = limit;
    window.lmsNavigable = (status.things || []).map(function (page) { return "item-" + page.replace(/^.*\//, "").replace(/\.html$/, ""); });
  });

  // A navigation request to another Thing (SCORM 2004) opens it here, as the LMS would.
  window.lmsLaunch = function (item) {
    var page = packagePage(sco.replace(/[^/]+\.html$/, String(item).replace(/^item-/, "") + ".html"));
    if (page) window.location.search = "?version=" + version + "&sco=" + encodeURIComponent(page);
  };

  document.getElementById("reset").addEventListener("click", function () {
    Object.keys(window.localStorage).filter(function (key) { return key.indexOf("strict-lms:") === 0; })
      .forEach(function (key) { window.localStorage.removeItem(key); });
    window.location.reload();
  });

  function render() {
    if (!window.lmsState) return;
    var state = window.lmsState();
    var data = state.data || {};
    var rows = [
      ["session", state.state],
      ["attempt", String(state.attempt) + (state.resuming ? " (resumed)" : "")],
      [version === "1.2" ? "lesson_status" : "completion_status", version === "1.2" ? data.status : data.completion],
      ["success_status", version === "1.2" ? "—" : data.success],
      ["score", data.score !== undefined ? JSON.stringify(data.score) : (data.scoreRaw !== undefined ? data.scoreRaw + " (" + data.scoreMin + "–" + data.scoreMax + ")" : "—")],
      ["exit", state.exit],
      ["location", data.location],
      ["session time", data.sessionTime]
    ];
    var status = document.getElementById("status");
    status.innerHTML = "";
    rows.forEach(function (row) {
      var term = document.createElement("dt");
      term.textContent = row[0];
      var value = document.createElement("dd");
      value.textContent = row[1] === undefined || row[1] === null || row[1] === "" ? "—" : String(row[1]);
      status.appendChild(term);
      status.appendChild(value);
    });
    var limit = window.previewSuspendLimit || (version === "1.2" ? 4096 : 64000);
    var size = (data.suspend || "").length;
    document.getElementById("suspend-meter").value = Math.min(size, limit);
    text("suspend-text", size + " of " + limit + " characters (" + Math.round(size / limit * 100) + "%)");
    var body = document.getElementById("interactions");
    body.innerHTML = "";
    (state.interactions || []).forEach(function (interaction) {
      var row = document.createElement("tr");
      [interaction.id, interaction.type, interaction.result, interaction.response].forEach(function (cell) {
        var td = document.createElement("td");
        td.textContent = cell === undefined ? "" : String(cell).slice(0, 160);
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    var log = window.lmsLog || [];
    text("call-count", "(" + log.length + ")");
    var calls = document.getElementById("calls");
    calls.innerHTML = "";
    log.slice(-60).forEach(function (entry) {
      var item = document.createElement("li");
      item.textContent = entry.method + "(" + (entry.element || "") + (entry.value !== undefined && entry.value !== null ? ", " + JSON.stringify(String(entry.value).slice(0, 60)) : "") +
        ") → " + entry.result + (entry.error && entry.error !== "0" ? " [error " + entry.error + "]" : "");
      if (entry.result === "false") item.className = "refused";
      calls.appendChild(item);
    });
    calls.scrollTop = calls.scrollHeight;
  }

  window.setInterval(render, 300);
  render();
})();
