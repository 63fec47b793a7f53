/*
 * Course Toolkit run-time adapter: one script for SCORM 1.2, SCORM 2004 and plain HTML.
 *
 * It finds the LMS API by walking parent and opener windows (API for 1.2, API_1484_11 for 2004),
 * initialises, marks the attempt incomplete on first launch, resumes from suspend data, records
 * interactions, reports completion, keeps suspend data inside the version's limit, keeps the exit
 * element at "suspend", and terminates on pagehide. Without an LMS it keeps progress in this browser's localStorage.
 *
 * The state codec at the top is pure, so tests can run it outside a browser (module.exports).
 */
(function (global) {
  "use strict";

  // ---- State codec: compact JSON that always fits the run-time's suspend data limit ----------

  function encode(state) {
    return JSON.stringify(state);
  }

  function decode(text) {
    if (!text) return null;
    try {
      var state = JSON.parse(text);
      return state && state.v === 1 && typeof state.a === "object" ? state : null;
    } catch (error) {
      return null;
    }
  }

  function copyState(state) {
    return JSON.parse(JSON.stringify(state));
  }

  /* Encodes `state` in at most `limit` characters. Only reflection texts may be shortened (the rest
   * is small and bounded); a shortened text is flagged `x: 1` and the caller tells the learner.
   * Returns { text, truncated: [activity indexes] } or null when even empty texts do not fit. */
  function fit(state, limit) {
    var full = encode(state);
    if (!limit || full.length <= limit) return { text: full, truncated: [] };
    var copy = copyState(state);
    var keys = Object.keys(copy.a).filter(function (key) {
      return typeof copy.a[key].t === "string" && copy.a[key].t.length > 0;
    });
    keys.forEach(function (key) { copy.a[key].t = ""; copy.a[key].x = 1; });
    var fixed = encode(copy).length;
    if (fixed > limit) return null;
    var budget = limit - fixed;
    keys.forEach(function (key, position) {
      var share = Math.floor(budget / (keys.length - position));
      var text = state.a[key].t;
      // Longest prefix whose JSON form fits the share (escapes make characters cost more).
      var low = 0, high = text.length;
      while (low < high) {
        var middle = Math.ceil((low + high) / 2);
        if (JSON.stringify(text.slice(0, middle)).length - 2 <= share) low = middle; else high = middle - 1;
      }
      // Never cut a surrogate pair in half.
      if (low > 0 && /[\uD800-\uDBFF]/.test(text.charAt(low - 1))) low -= 1;
      copy.a[key].t = text.slice(0, low);
      budget -= JSON.stringify(copy.a[key].t).length - 2;
    });
    return { text: encode(copy), truncated: keys.map(Number) };
  }

  // ---- Time formats --------------------------------------------------------------------------

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }

  /* SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours two to four digits). */
  function scorm12Timespan(milliseconds) {
    var centiseconds = Math.max(0, Math.round(milliseconds / 10));
    var hours = Math.min(9999, Math.floor(centiseconds / 360000));
    centiseconds -= hours * 360000;
    var minutes = Math.floor(centiseconds / 6000);
    centiseconds -= minutes * 6000;
    var seconds = Math.floor(centiseconds / 100);
    centiseconds -= seconds * 100;
    return pad(hours, 2) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(centiseconds, 2);
  }

  /* SCORM 1.2 CMITime (time of day): HH:MM:SS. */
  function scorm12Time(date) {
    return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" + pad(date.getSeconds(), 2);
  }

  /* SCORM 2004 timeinterval (ISO 8601 duration): PnYnMnDTnHnMnS, here PTnHnMn.nnS. */
  function scorm2004Duration(milliseconds) {
    var centiseconds = Math.max(0, Math.round(milliseconds / 10));
    var hours = Math.floor(centiseconds / 360000);
    centiseconds -= hours * 360000;
    var minutes = Math.floor(centiseconds / 6000);
    centiseconds -= minutes * 6000;
    var seconds = centiseconds / 100;
    var text = "PT";
    if (hours) text += hours + "H";
    if (minutes) text += minutes + "M";
    if (seconds || (!hours && !minutes)) text += (Math.round(seconds * 100) / 100) + "S";
    return text;
  }

  /* SCORM 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss.ssZ (UTC; a zone may only follow fractions). */
  function scorm2004Timestamp(date) {
    return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1, 2) + "-" + pad(date.getUTCDate(), 2) +
      "T" + pad(date.getUTCHours(), 2) + ":" + pad(date.getUTCMinutes(), 2) + ":" + pad(date.getUTCSeconds(), 2) +
      "." + pad(Math.floor(date.getUTCMilliseconds() / 10), 2) + "Z";
  }

  var codec = {
    encode: encode, decode: decode, fit: fit, scorm12Timespan: scorm12Timespan, scorm12Time: scorm12Time,
    scorm2004Duration: scorm2004Duration, scorm2004Timestamp: scorm2004Timestamp
  };

  if (typeof module !== "undefined" && module.exports) {
    module.exports = codec;
  }
  if (typeof document === "undefined") return;

  // ---- The LMS connection ----------------------------------------------------------------------

  var VERSIONS = {
    scorm12: {
      api: "API", initialize: "LMSInitialize", getValue: "LMSGetValue", setValue: "LMSSetValue",
      commit: "LMSCommit", terminate: "LMSFinish", lastError: "LMSGetLastError", errorString: "LMSGetErrorString",
      status: "cmi.core.lesson_status", entry: "cmi.core.entry", exit: "cmi.core.exit",
      sessionTime: "cmi.core.session_time", learnerId: "cmi.core.student_id", scoreRaw: "cmi.core.score.raw",
      scoreMin: "cmi.core.score.min", scoreMax: "cmi.core.score.max"
    },
    scorm2004: {
      api: "API_1484_11", initialize: "Initialize", getValue: "GetValue", setValue: "SetValue",
      commit: "Commit", terminate: "Terminate", lastError: "GetLastError", errorString: "GetErrorString",
      status: "cmi.completion_status", entry: "cmi.entry", exit: "cmi.exit",
      sessionTime: "cmi.session_time", learnerId: "cmi.learner_id", scoreRaw: "cmi.score.raw",
      scoreMin: "cmi.score.min", scoreMax: "cmi.score.max"
    }
  };

  function findAPI(start, name) {
    var win = start;
    for (var hops = 0; win && hops < 12; hops++) {
      try {
        if (win[name]) return win[name];
      } catch (error) {
        return null; // another origin: stop looking up this chain
      }
      var parent;
      try { parent = win.parent; } catch (error) { parent = null; }
      if (!parent || parent === win) break;
      win = parent;
    }
    return null;
  }

  function locateAPI(name) {
    var api = findAPI(global, name);
    if (!api) {
      try {
        if (global.opener && !global.opener.closed) api = findAPI(global.opener, name);
      } catch (error) {
        api = null;
      }
    }
    return api;
  }

  var config = JSON.parse(document.getElementById("course-toolkit-config").textContent);
  var startedAt = Date.now();
  var version = VERSIONS[config.runtime] || null;
  var api = version ? locateAPI(version.api) : null;
  var connected = false;
  var finished = false;
  var complete = false;
  var lmsErrors = [];
  var commitTimer = null;

  function call(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    try {
      var result = api[version[method]].apply(api, args);
      return result === undefined || result === null ? "" : String(result);
    } catch (error) {
      lmsErrors.push(method + ": " + error);
      return "";
    }
  }

  function lastError() {
    var code = call("lastError");
    return code && code !== "0" ? code + " " + call("errorString", code) : "";
  }

  function get(element) {
    var value = call("getValue", element);
    lastError(); // reading clears the error state; a missing value is an empty string
    return value;
  }

  function set(element, value) {
    var result = call("setValue", element, String(value));
    if (result !== "true") {
      var error = lastError();
      lmsErrors.push("SetValue(" + element + "): " + (error || result));
      if (global.console) global.console.warn("Course Toolkit: the LMS refused " + element + ": " + error);
      // The learner is told when the refusal costs them something the LMS should keep.
      if (/suspend_data|completion_status|lesson_status|success_status|score/.test(element) && global.document) {
        var notice = global.document.getElementById("runtime-notice");
        if (notice) {
          notice.hidden = false;
          notice.textContent = "Your learning management system did not accept part of your progress (error " + error +
            "). Your work is kept in this browser; tell the course administrator if this happens again.";
        }
      }
      return false;
    }
    return true;
  }

  // ---- Values every run-time accepts ---------------------------------------------------------
  // Real run-times are stricter than the specification: Moodle checks interaction ids, options and
  // matching patterns against ^[\w.]{1,250}$ and refuses learner responses with line breaks, and so
  // does scorm-again. The LMS copy uses those characters only; the readable text stays in the
  // description, and the full text in the suspend data and the learner's download.

  /* An identifier made only of letters, digits, "_" and "." (our ids use "-", which becomes "_"). */
  function lmsIdentifier(id) {
    return String(id).replace(/[^A-Za-z0-9_.]/g, "_").slice(0, 250) || "_";
  }

  /* A 2004 choice or matching value ("a[.]b[,]c[.]d") with every identifier in it made acceptable. */
  function lmsIdentifierList(value) {
    if (value === "") return value;
    return String(value).split("[,]").map(function (pair) {
      return pair.split("[.]").map(lmsIdentifier).join("[.]");
    }).join("[,]");
  }

  /* Text on one line (line breaks become spaces), not read as a language tag, within `limit`. */
  function lmsText(text, limit) {
    var line = String(text).replace(/[\r\n\u2028\u2029\u0085]+/g, " ").replace(/^\{/, " {");
    return line.slice(0, limit);
  }

  function commitSoon(delay) {
    if (!connected || finished) return;
    if (commitTimer) global.clearTimeout(commitTimer);
    commitTimer = global.setTimeout(function () {
      commitTimer = null;
      if (connected && !finished) call("commit", "");
    }, delay);
  }

  if (api) {
    var initialised = call("initialize", "");
    connected = initialised === "true" || (initialised === "" && lastError() === "");
    if (!connected) lmsErrors.push("Initialize failed: " + lastError());
  }

  var mode = connected ? config.runtime : "local";
  var learnerId = connected ? get(version.learnerId) : "";
  var storageKey = config.storageKey + (learnerId ? ":" + learnerId : "");

  if (connected) {
    var status = get(version.status);
    if (config.runtime === "scorm12") {
      if (status === "" || status === "not attempted") set(version.status, "incomplete");
      complete = status === "completed" || status === "passed";
    } else {
      if (status === "" || status === "unknown" || status === "not attempted") set(version.status, "incomplete");
      complete = status === "completed";
    }
    set(version.exit, "suspend");
    call("commit", "");
  }

  function readLocal() {
    try {
      return decode(global.localStorage.getItem(storageKey));
    } catch (error) {
      return null;
    }
  }

  function writeLocal(text) {
    try {
      global.localStorage.setItem(storageKey, text);
      return true;
    } catch (error) {
      return false;
    }
  }

  /* The saved state: suspend data from the LMS (with any shortened text filled in from this
   * browser's full copy), or this browser's copy when there is no LMS. */
  function restore() {
    var local = readLocal();
    if (!connected) return local;
    var entry = get(version.entry);
    var saved = decode(get("cmi.suspend_data"));
    if (!saved) return null;
    Object.keys(saved.a).forEach(function (key) {
      var activity = saved.a[key];
      var fuller = local && local.a[key];
      if (activity.x && fuller && typeof fuller.t === "string" && fuller.t.indexOf(activity.t) === 0) {
        activity.t = fuller.t;
        delete activity.x;
      }
    });
    saved.entry = entry;
    return saved;
  }

  /* Saves `state`. Returns { stored, truncated: [activity indexes], keptLocally }. */
  function save(state) {
    var text = encode(state);
    var keptLocally = writeLocal(text);
    if (!connected || finished) return { stored: keptLocally, truncated: [], keptLocally: keptLocally };
    var fitted = fit(state, config.suspendDataLimit);
    if (!fitted) return { stored: false, truncated: [], keptLocally: keptLocally };
    var stored = set("cmi.suspend_data", fitted.text);
    commitSoon(400);
    return { stored: stored, truncated: fitted.truncated, keptLocally: keptLocally };
  }

  function findInteraction(id) {
    var count = parseInt(get("cmi.interactions._count"), 10) || 0;
    for (var index = 0; index < count; index++) {
      if (get("cmi.interactions." + index + ".id") === id) return index;
    }
    return count;
  }

  /* Records one interaction. `record` has id, type12, type2004, response12, response2004,
   * pattern12, pattern2004, result ("correct" | "wrong" | "neutral") and description. */
  function recordInteraction(record) {
    if (!connected || finished) return;
    var now = new Date();
    if (config.runtime === "scorm12") {
      // 1.2 interactions are a journal: each record is a new entry, and elements are write-only.
      var n = parseInt(get("cmi.interactions._count"), 10) || 0;
      var prefix = "cmi.interactions." + n + ".";
      set(prefix + "id", lmsIdentifier(record.id));
      set(prefix + "type", record.type12);
      set(prefix + "time", scorm12Time(now));
      if (record.pattern12) set(prefix + "correct_responses.0.pattern", record.pattern12);
      set(prefix + "student_response", lmsText(record.response12, 255));
      set(prefix + "result", record.result);
    } else {
      var id = lmsIdentifier(record.id);
      var index = findInteraction(id);
      var base = "cmi.interactions." + index + ".";
      var listed = record.type2004 === "choice" || record.type2004 === "matching" || record.type2004 === "sequencing";
      set(base + "id", id);
      set(base + "type", record.type2004);
      set(base + "timestamp", scorm2004Timestamp(now));
      if (record.description) set(base + "description", lmsText(record.description, 250));
      if (record.pattern2004 && (parseInt(get(base + "correct_responses._count"), 10) || 0) === 0) {
        set(base + "correct_responses.0.pattern", listed ? lmsIdentifierList(record.pattern2004) : record.pattern2004);
      }
      set(base + "learner_response",
        listed ? lmsIdentifierList(record.response2004) : lmsText(record.response2004, record.type2004 === "fill-in" ? 250 : 4000));
      set(base + "result", record.result === "wrong" ? "incorrect" : record.result);
    }
    commitSoon(100);
  }

  /* Reports progress: `done` when every required activity is done; `score` (0..1) and `passed`
   * when the Thing has a scored quiz. */
  function setProgress(progress) {
    if (!connected || finished) return;
    var hasScore = typeof progress.score === "number";
    if (hasScore) {
      set(version.scoreMin, "0");
      set(version.scoreMax, "100");
      set(version.scoreRaw, String(Math.round(progress.score * 100)));
      if (config.runtime === "scorm2004") {
        set("cmi.score.scaled", String(Math.round(progress.score * 10000) / 10000));
        set("cmi.success_status", progress.passed ? "passed" : "failed");
      }
    }
    if (config.runtime === "scorm12") {
      var failed = config.failedStatus12 || "failed";
      var status = progress.done ? (hasScore ? (progress.passed ? "passed" : failed) : "completed") : "incomplete";
      set(version.status, status);
    } else {
      set(version.status, progress.done ? "completed" : "incomplete");
    }
    complete = progress.done;
    commitSoon(100);
  }

  var finishHooks = [];

  /* Runs `hook` just before the session ends (to save work still waiting for a debounce). */
  function beforeFinish(hook) {
    finishHooks.push(hook);
  }

  function finish() {
    if (finished) return;
    finishHooks.forEach(function (hook) {
      try { hook(); } catch (error) { lmsErrors.push("before finish: " + error); }
    });
    if (!connected) { finished = true; return; }
    if (commitTimer) global.clearTimeout(commitTimer);
    var elapsed = Date.now() - startedAt;
    set(version.sessionTime, config.runtime === "scorm12" ? scorm12Timespan(elapsed) : scorm2004Duration(elapsed));
    // Always suspend: an unfinished Thing must resume, and a finished one keeps the learner's
    // statement (needed for the badge application). Any other exit lets a strict LMS open a fresh
    // attempt with empty suspend data, and relaunching would then reset the status to incomplete.
    set(version.exit, "suspend");
    call("commit", "");
    call("terminate", "");
    finished = true;
  }

  global.addEventListener("pagehide", finish);
  global.addEventListener("beforeunload", finish);

  global.CourseToolkitRuntime = {
    config: config,
    /** "scorm12", "scorm2004" or "local". */
    mode: mode,
    /** Problems the LMS reported, for support staff (see the browser console too). */
    errors: lmsErrors,
    codec: codec,
    restore: restore,
    save: save,
    recordInteraction: recordInteraction,
    lmsIdentifier: lmsIdentifier,
    lmsText: lmsText,
    setProgress: setProgress,
    beforeFinish: beforeFinish,
    finish: finish,
    suspendLimit: connected ? config.suspendDataLimit : null
  };
})(typeof window !== "undefined" ? window : this);
