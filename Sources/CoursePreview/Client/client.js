/*
 * Course Toolkit preview: added to every page the preview serves. It listens for rebuilds (Server-Sent
 * Events from /__preview/events) and then reloads the page, or, when the course has errors, shows them
 * over the page (file:line:col, message and hint, as `toolkit validate` prints them) until they are
 * fixed. Inside the LMS inspector it reloads the inspector, so the SCORM session starts again cleanly.
 */
(function () {
  "use strict";
  var generation = null;
  var framedByInspector = false;
  try {
    framedByInspector = window.parent !== window && Boolean(window.parent.document.getElementById("preview-inspector"));
  } catch (error) {
    framedByInspector = false;
  }

  function hide() {
    var box = document.getElementById("preview-problems");
    if (box) box.remove();
  }

  function show(problems) {
    hide();
    var box = document.createElement("section");
    box.id = "preview-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "preview-problems-title");
    box.style.cssText = "position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:70vh;overflow:auto;" +
      "margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#1a1a1a;border-bottom:4px solid #b00020;" +
      "font:15px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)";
    var title = document.createElement("h2");
    title.id = "preview-problems-title";
    title.style.cssText = "margin:0 0 .5rem;font-size:1.1rem;color:#8a0016";
    title.textContent = problems.length === 1
      ? "1 error: the page shows the last version that built"
      : problems.length + " errors: the page shows the last version that built";
    box.appendChild(title);
    var list = document.createElement("ol");
    list.style.cssText = "margin:0;padding-left:1.25rem";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var text = document.createElement("pre");
      text.style.cssText = "white-space:pre-wrap;margin:.25rem 0;font:13px/1.4 ui-monospace,monospace";
      text.textContent = problem.text;
      item.appendChild(text);
      list.appendChild(item);
    });
    box.appendChild(list);
    (document.body || document.documentElement).appendChild(box);
  }

  function check(reloadWhenClean) {
    return fetch("/__preview/status", { cache: "no-store" }).then(function (response) {
      return response.json();
    }).then(function (status) {
      var changed = generation !== null && status.generation !== generation;
      generation = status.generation;
      if (status.problems.length) {
        show(status.problems);
      } else {
        hide();
        if (reloadWhenClean && changed) (framedByInspector ? window.parent : window).location.reload();
      }
    }).catch(function () { /* the preview stopped: keep the page as it is */ });
  }

  check(false).then(function () {
    var events = new EventSource("/__preview/events");
    // "hello" carries the generation when the stream (re)connects: a rebuild that finished between
    // this page's status check and the connection is caught here instead of being missed.
    events.addEventListener("hello", function (event) {
      if (Number(event.data) !== generation) check(true);
    });
    events.addEventListener("build", function () { check(true); });
  });
})();
