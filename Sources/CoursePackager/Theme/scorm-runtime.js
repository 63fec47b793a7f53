/*
 * Course Toolkit run-time adapter: one script for SCORM 1.2, SCORM 2004, cmi5 and plain HTML.
 *
 * SCORM: it finds the LMS API by walking parent and opener windows (API for 1.2, API_1484_11 for
 * 2004), initialises, marks the attempt incomplete on first launch, resumes from suspend data, records
 * interactions, reports completion, keeps suspend data inside the version's limit, keeps the exit
 * element at "suspend", and terminates on pagehide.
 * cmi5: it reads the launch parameters, fetches the token once, reads LMS.LaunchData and the learner
 * preferences, resumes from the State API, and sends the cmi5-defined statements in order
 * (initialized first, completed/passed/failed at most as the specification allows, terminated last)
 * with "answered" statements for the activities between them.
 * Without an LMS it keeps progress in this browser's localStorage.
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

  // ---- cmi5 launch parameters -------------------------------------------------------------

  /* The five launch parameters of a cmi5 launch URL's query (form-encoded, in any order), with the
   * actor parsed and the endpoint without a trailing slash; null when any is missing or broken. */
  function cmi5LaunchParameters(search) {
    if (typeof URLSearchParams === "undefined") return null;
    var query = new URLSearchParams(search);
    var launch = {};
    var names = ["endpoint", "fetch", "actor", "registration", "activityId"];
    for (var index = 0; index < names.length; index++) {
      var value = query.get(names[index]);
      if (!value) return null;
      launch[names[index]] = value;
    }
    try {
      launch.actor = JSON.parse(launch.actor);
    } catch (error) {
      return null;
    }
    if (!launch.actor || typeof launch.actor !== "object") return null;
    // The LMS's addresses are fetched, never navigated to, but only http and https are taken.
    launch.endpoint = webURL(launch.endpoint);
    launch.fetch = webURL(launch.fetch);
    if (!launch.endpoint || !launch.fetch) return null;
    launch.endpoint = launch.endpoint.replace(/\/+$/, "");
    return launch;
  }

  /* `text` as an absolute http or https URL, or null: a `javascript:`, `data:` or other URL from an
   * LMS, an LRS or the query string is never loaded or navigated to (it would run in the course's
   * origin). */
  function webURL(text) {
    if (typeof text !== "string" || !text || typeof URL === "undefined") return null;
    try {
      var url = new URL(text, global.location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  /* A version 4 UUID, for statement ids. */
  function uuid() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    var bytes = new Array(16);
    for (var index = 0; index < 16; index++) bytes[index] = Math.floor(Math.random() * 256);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = bytes.map(function (byte) { return (byte < 16 ? "0" : "") + byte.toString(16); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  var codec = {
    encode: encode, decode: decode, fit: fit, scorm12Timespan: scorm12Timespan, scorm12Time: scorm12Time,
    scorm2004Duration: scorm2004Duration, scorm2004Timestamp: scorm2004Timestamp,
    cmi5LaunchParameters: cmi5LaunchParameters, uuid: uuid
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

  /* Runs the hooks that save work still waiting, once, before a session ends. */
  function runFinishHooks() {
    finishHooks.forEach(function (hook) {
      try { hook(); } catch (error) { lmsErrors.push("before finish: " + error); }
    });
  }

  function finish() {
    if (finished) return;
    runFinishHooks();
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

  // SCORM 2004: a link to another Thing of the package asks the LMS to open that Thing (a page cannot
  // open another SCO itself). Without an LMS the link opens the page as any link does.
  if (config.runtime === "scorm2004" && config.navigableThings) {
    global.document.addEventListener("click", function (event) {
      var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
      if (!link || !connected || finished) return;
      var item = config.navigableThings[link.getAttribute("href").split("#")[0]];
      if (!item) return;
      event.preventDefault();
      var valid = get("adl.nav.request_valid.choice.{target=" + item + "}");
      if (valid !== "false" && set("adl.nav.request", "{target=" + item + "}choice")) {
        finish();
        return;
      }
      var notice = global.document.getElementById("runtime-notice");
      if (notice) {
        notice.hidden = false;
        notice.textContent = "Your learning management system cannot open “" + link.textContent + "” from here: open it from the course's contents.";
      }
    });
  }

  var readyCallbacks = [];
  var ready = true;

  /* Runs `callback` once progress can be restored: at once for SCORM and the browser, after the
   * launch handshake for cmi5. */
  function whenReady(callback) {
    if (ready) callback(); else readyCallbacks.push(callback);
  }

  var runtime = {
    config: config,
    /** "scorm12", "scorm2004", "cmi5" or "local". */
    mode: mode,
    /** Problems the LMS reported, for support staff (see the browser console too). */
    errors: lmsErrors,
    codec: codec,
    whenReady: whenReady,
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

  // ---- cmi5: xAPI statements and the State API ---------------------------------------------

  var launch = config.runtime === "cmi5" ? cmi5LaunchParameters(global.location.search) : null;
  if (launch) {
    ready = false;
    startCmi5(launch);
  }

  function startCmi5(launch) {
    var XAPI_VERSION = "1.0.3";
    var CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    var MOVE_ON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    var MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
    var VERBS = {
      initialized: "http://adlnet.gov/expapi/verbs/initialized",
      completed: "http://adlnet.gov/expapi/verbs/completed",
      passed: "http://adlnet.gov/expapi/verbs/passed",
      failed: "http://adlnet.gov/expapi/verbs/failed",
      terminated: "http://adlnet.gov/expapi/verbs/terminated",
      answered: "http://adlnet.gov/expapi/verbs/answered"
    };
    var PROGRESS_STATE = "course-toolkit-progress";
    var OUTCOME_STATE = "course-toolkit-outcome";
    var tokenKey = "course-toolkit:cmi5-token:" + launch.fetch;
    var token = null;
    var launchData = {};
    var progress = null;
    var outcome = { completed: false, passed: false };
    var sentThisSession = {};
    var failedScore = null;
    var session = { finished: false };

    function stateURL(stateId) {
      var query = new URLSearchParams();
      query.set("stateId", stateId);
      query.set("activityId", launch.activityId);
      query.set("agent", JSON.stringify(launch.actor));
      query.set("registration", launch.registration);
      return launch.endpoint + "/activities/state?" + query.toString();
    }

    function headers(json) {
      var result = { "Authorization": "Basic " + token, "X-Experience-API-Version": XAPI_VERSION };
      if (json) result["Content-Type"] = "application/json";
      return result;
    }

    function request(method, url, body, keepalive) {
      return global.fetch(url, {
        method: method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body),
        keepalive: Boolean(keepalive), credentials: "omit"
      });
    }

    function readState(stateId) {
      return request("GET", stateURL(stateId)).then(function (response) {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error("reading " + stateId + " answered " + response.status);
        return response.json();
      });
    }

    function writeState(stateId, document, keepalive) {
      return request("PUT", stateURL(stateId), document, keepalive).then(function (response) {
        if (!response.ok) lmsErrors.push("saving " + stateId + " answered " + response.status);
        return response.ok;
      }, function (error) {
        lmsErrors.push("saving " + stateId + ": " + error);
        return false;
      });
    }

    function fetchToken() {
      var kept = null;
      try { kept = global.sessionStorage.getItem(tokenKey); } catch (error) { kept = null; }
      if (kept) return Promise.resolve(kept);
      // The fetch URL answers once per launch; a reload of the same launch reuses the token kept here.
      return global.fetch(launch.fetch, { method: "POST", credentials: "omit" }).then(function (response) {
        return response.json();
      }).then(function (answer) {
        if (!answer || !answer["auth-token"]) {
          throw new Error("the LMS gave no token" + (answer && answer["error-text"] ? ": " + answer["error-text"] : ""));
        }
        try { global.sessionStorage.setItem(tokenKey, answer["auth-token"]); } catch (error) { /* kept in memory only */ }
        return answer["auth-token"];
      });
    }

    function elapsed() {
      return scorm2004Duration(Date.now() - startedAt);
    }

    /* A statement with the launch's actor and the context template's context (registration, session
     * id, publisher id grouping), plus the cmi5 category for cmi5-defined statements. */
    function statement(verb, object, options) {
      var context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
      context.registration = launch.registration;
      context.contextActivities = context.contextActivities || {};
      if (options.defined) {
        var categories = (context.contextActivities.category || []).slice();
        categories.push({ id: CATEGORY, objectType: "Activity" });
        if (options.moveOn) categories.push({ id: MOVE_ON, objectType: "Activity" });
        context.contextActivities.category = categories;
      } else {
        context.contextActivities.parent = [{ id: launch.activityId, objectType: "Activity" }];
      }
      if (options.mastery !== undefined) {
        context.extensions = context.extensions || {};
        context.extensions[MASTERY] = options.mastery;
      }
      var result = {
        id: uuid(), actor: launch.actor, verb: { id: VERBS[verb], display: { "en-US": verb } }, object: object,
        context: context, timestamp: new Date().toISOString()
      };
      if (options.result) result.result = options.result;
      return result;
    }

    function defined(verb, result, extra) {
      extra = extra || {};
      return statement(verb, { id: launch.activityId, objectType: "Activity" }, {
        defined: true, moveOn: Boolean(extra.moveOn), mastery: extra.mastery, result: result
      });
    }

    /* Every write to the LMS, State API documents and statements alike, goes through one channel:
     * one request at a time, in the order the page asked for them. A document saved before a
     * statement is answered before the statement is sent, so an LMS that has seen `passed` has the
     * state that goes with it; terminated comes last of all. A document changed while it waits is
     * written once, in its newest version. */
    var channel = [];        // entries waiting: { state: id } or { statements: [...] }
    var stateWaiting = {};   // state id → its newest document not yet written
    var busy = false;
    var holding = false;     // the page is going away: nothing new starts, all goes with terminated
    var inFlight = [];       // the statements of the request out, sent again with terminated if unanswered
    var idleCallbacks = [];

    function pump() {
      if (busy || holding) return;
      var entry = channel.shift();
      if (!entry) {
        idleCallbacks.splice(0).forEach(function (callback) { callback(); });
        return;
      }
      busy = true;
      var next = function () { busy = false; pump(); };
      if (entry.state) {
        var document = stateWaiting[entry.state];
        delete stateWaiting[entry.state];
        writeState(entry.state, document, true).then(next);
        return;
      }
      inFlight = entry.statements;
      request("POST", launch.endpoint + "/statements", inFlight.length === 1 ? inFlight[0] : inFlight).then(function (response) {
        // A refused statement is not sent again.
        if (!response.ok) lmsErrors.push("statements answered " + response.status);
        inFlight = [];
        next();
      }, function (error) {
        lmsErrors.push("sending statements: " + error);
        inFlight = [];
        next();
      });
    }

    function saveState(stateId, document) {
      var waiting = stateId in stateWaiting;
      stateWaiting[stateId] = JSON.parse(JSON.stringify(document));
      if (!waiting) channel.push({ state: stateId });
      pump();
    }

    function queue(item) {
      var last = channel[channel.length - 1];
      if (last && last.statements) last.statements.push(item); else channel.push({ statements: [item] });
      pump();
    }

    /* Resolves once every write asked for so far has been answered. */
    function idle() {
      if (!busy && !channel.length) return Promise.resolve();
      return new Promise(function (resolve) { idleCallbacks.push(resolve); });
    }
    /* Saves what the page still holds back (a debounced save) and resolves once the LMS has answered
     * every write: after it, a page that goes away sends terminated alone. */
    runtime.idle = function () {
      runFinishHooks();
      return idle();
    };

    function isNormal() { return launchData.launchMode === "Normal"; }

    function masteryScore() {
      return typeof launchData.masteryScore === "number" ? launchData.masteryScore : undefined;
    }

    runtime.restore = function () { return progress; };

    runtime.save = function (state) {
      progress = state;
      var keptLocally = writeLocal(encode(state));
      if (session.finished) return { stored: keptLocally, truncated: [], keptLocally: keptLocally };
      saveState(PROGRESS_STATE, state);
      return { stored: true, truncated: [], keptLocally: keptLocally };
    };

    runtime.recordInteraction = function (record) {
      if (session.finished) return;
      var definition = {
        type: "http://adlnet.gov/expapi/activities/cmi.interaction", interactionType: record.type2004,
        name: { "en": lmsText(record.description || record.id, 250) }
      };
      if (record.pattern2004) definition.correctResponsesPattern = [String(record.pattern2004)];
      var result = { response: String(record.response2004) };
      if (record.result === "correct") result.success = true;
      if (record.result === "wrong") result.success = false;
      queue(statement("answered", {
        id: launch.activityId + "/interactions/" + encodeURIComponent(record.id), objectType: "Activity", definition: definition
      }, { defined: false, result: result }));
    };

    function keepOutcome() {
      saveState(OUTCOME_STATE, outcome);
    }

    runtime.setProgress = function (report) {
      if (session.finished || !isNormal()) return;
      if (report.done && !outcome.completed) {
        outcome.completed = true;
        sentThisSession.completed = true;
        keepOutcome();
        queue(defined("completed", { completion: true, duration: elapsed() }, { moveOn: true }));
      }
      if (typeof report.score !== "number") return;
      var mastery = masteryScore();
      var passed = mastery === undefined ? report.passed : report.score >= mastery;
      var score = { scaled: Math.round(report.score * 10000) / 10000, raw: Math.round(report.score * 100), min: 0, max: 100 };
      if (passed && !outcome.passed && !sentThisSession.failed) {
        outcome.passed = true;
        sentThisSession.passed = true;
        failedScore = null;
        keepOutcome();
        queue(defined("passed", { success: true, score: score, duration: elapsed() }, { moveOn: true, mastery: mastery }));
      } else if (!passed && !outcome.passed) {
        // A failed check is not yet a failed attempt: the learner may check again. It is reported
        // once, when the session ends without a pass.
        failedScore = score;
      }
    };

    /* Ends the session with terminated, after everything asked for before it. When the page stays
     * (the exit button, a script), the promise settles once terminated was answered. When the page is
     * going away (`leaving`), nothing can wait: what is still waiting is sent at once, terminated last
     * (statements still unanswered go again with it; their ids make that safe). As the state is saved
     * while the learner works, a page closed after its last save sends terminated alone. */
    runtime.finish = function (options) {
      if (session.finished) return Promise.resolve();
      // A page going away starts nothing new: what the hooks save goes with terminated.
      if (options && options.leaving) holding = true;
      runFinishHooks();
      if (!connected) { session.finished = true; return Promise.resolve(); }
      if (failedScore && isNormal() && !outcome.passed && !sentThisSession.passed && !sentThisSession.failed) {
        sentThisSession.failed = true;
        queue(defined("failed", { success: false, score: failedScore, duration: elapsed() }, {
          moveOn: true, mastery: masteryScore()
        }));
      }
      var terminated = defined("terminated", { duration: elapsed() });
      session.finished = true;
      if (!(options && options.leaving)) {
        queue(terminated);
        return idle();
      }
      var last = inFlight.slice();
      channel.splice(0).forEach(function (entry) {
        if (entry.statements) {
          last = last.concat(entry.statements);
        } else {
          var document = stateWaiting[entry.state];
          delete stateWaiting[entry.state];
          writeState(entry.state, document, true);
        }
      });
      last.push(terminated);
      return request("POST", launch.endpoint + "/statements", last, true).then(function () {}, function (error) {
        lmsErrors.push("terminating: " + error);
      });
    };

    function fail(error) {
      lmsErrors.push("cmi5: " + error);
      if (global.console) global.console.warn("Course Toolkit: cmi5 launch failed: " + error);
      connected = false;
      runtime.mode = "local";
      runtime.restore = restore;
      runtime.save = save;
      runtime.recordInteraction = function () {};
      runtime.setProgress = function () {};
      runtime.finish = function () { session.finished = true; return Promise.resolve(); };
      becomeReady();
    }

    function becomeReady() {
      ready = true;
      readyCallbacks.splice(0).forEach(function (callback) { callback(); });
    }

    function showExit(returnURL) {
      var notice = global.document.getElementById("runtime-notice");
      if (!notice || !notice.parentNode) return;
      if (!webURL(returnURL)) {
        lmsErrors.push("cmi5: the LMS's returnURL is not an http or https address; no exit button is shown");
        return;
      }
      var button = global.document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = "Exit and return to the course";
      button.addEventListener("click", function () {
        button.disabled = true;
        var leave = function () { global.location.href = webURL(returnURL); };
        // The state and terminated are answered before the page leaves; a silent LMS does not keep the learner.
        var fallback = global.setTimeout(leave, 5000);
        runtime.finish().then(function () {
          global.clearTimeout(fallback);
          leave();
        });
      });
      notice.parentNode.appendChild(button);
    }

    fetchToken().then(function (value) {
      token = value;
      return readState("LMS.LaunchData");
    }).then(function (data) {
      if (!data || !data.contextTemplate) throw new Error("LMS.LaunchData is missing or has no context template");
      launchData = data;
      // The learner preferences are read as cmi5 asks; the page has no audio or language choice to apply them to.
      var query = new URLSearchParams();
      query.set("agent", JSON.stringify(launch.actor));
      query.set("profileId", "cmi5LearnerPreferences");
      return request("GET", launch.endpoint + "/agents/profile?" + query.toString()).then(function () {
        return Promise.all([readState(PROGRESS_STATE), readState(OUTCOME_STATE)]);
      });
    }).then(function (documents) {
      progress = documents[0] && documents[0].v === 1 && typeof documents[0].a === "object" ? documents[0] : null;
      if (documents[1]) {
        outcome.completed = Boolean(documents[1].completed);
        outcome.passed = Boolean(documents[1].passed);
      }
      return request("POST", launch.endpoint + "/statements", defined("initialized"));
    }).then(function (response) {
      if (!response.ok) throw new Error("the LMS refused the initialized statement (" + response.status + ")");
      connected = true;
      runtime.mode = "cmi5";
      if (typeof launchData.returnURL === "string" && launchData.returnURL) showExit(launchData.returnURL);
      becomeReady();
    }).catch(fail);
  }

  function finishNow() { runtime.finish({ leaving: true }); }
  global.addEventListener("pagehide", finishNow);
  global.addEventListener("beforeunload", finishNow);

  global.CourseToolkitRuntime = runtime;
})(typeof window !== "undefined" ? window : this);
