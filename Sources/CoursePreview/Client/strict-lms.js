/*
 * A strict SCORM run-time for tests: window.API (SCORM 1.2) and window.API_1484_11 (SCORM 2004 4th
 * Edition) with the standards' data model rules and error codes. It rejects writes to read-only
 * elements, reads of write-only ones, values outside a vocabulary, malformed times and durations,
 * values over the data model's limits, calls before Initialize and after Terminate. Every call is
 * logged in window.lmsLog. Committed data persists in localStorage, so a second launch after
 * exit = "suspend" resumes (entry = "resume"); any other exit starts a fresh attempt.
 */
(function () {
  "use strict";

  var params = new URLSearchParams(window.location.search);
  var version = params.get("version") === "2004" ? "2004" : "1.2";
  var storeKey = "strict-lms:" + version + ":" + (params.get("sco") || "");
  var log = [];
  window.lmsLog = log;

  function loadStore() {
    try { return JSON.parse(window.localStorage.getItem(storeKey)) || null; } catch (error) { return null; }
  }
  function saveStore(record) { window.localStorage.setItem(storeKey, JSON.stringify(record)); }

  // ---- value formats -------------------------------------------------------------------------
  var formats = {
    timespan12: /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/,
    time12: /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/,
    identifier12: /^[^\s]{1,255}$/,
    decimal: /^-?\d+(\.\d+)?$/,
    duration2004: /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/,
    time2004: /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?)?)?)?)?)?$/,
    longIdentifier: /^\S{1,4000}$/,
    // As Moodle 4.5 (mod/scorm/datamodels/scorm_13.js) and scorm-again 3 check them, stricter than the
    // specification: interaction ids, choice options and matching parts use letters, digits, "_" and
    // "." only, and text responses hold no line break.
    shortIdentifier: /^[\w.]{1,250}$/,
    interactionIdentifier: /^[\w.]{1,250}$/,
    oneLine: /^[^\r\n\u2028\u2029\u0085]*$/
  };

  function validTimespan12(value) {
    if (!formats.timespan12.test(value)) return false;
    var parts = value.split(":");
    return parseInt(parts[1], 10) < 60 && parseFloat(parts[2]) < 60;
  }

  function validTime2004(value) {
    if (!formats.time2004.test(value)) return false;
    var year = parseInt(value.slice(0, 4), 10);
    return year >= 1970 && year <= 2038;
  }

  function validMatching12(value) { return /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/.test(value); }
  function validChoice12(value) { return /^([0-9a-z](,[0-9a-z])*)?$/.test(value) || /^\{[0-9a-z](,[0-9a-z])*\}$/.test(value); }
  function validMatching2004(value) {
    return value.split("[,]").every(function (pair) {
      var parts = pair.split("[.]");
      return parts.length === 2 && formats.shortIdentifier.test(parts[0]) && formats.shortIdentifier.test(parts[1]);
    });
  }
  function validChoice2004(value) {
    if (value === "") return true;
    var seen = {};
    return value.split("[,]").every(function (id) {
      if (seen[id] || !formats.shortIdentifier.test(id)) return false;
      seen[id] = true;
      return true;
    });
  }

  // ---- the attempt's data --------------------------------------------------------------------
  var stored = loadStore();
  var resuming = Boolean(stored && stored.exit === "suspend");
  var data = resuming ? stored.data : {};
  var interactions = resuming ? stored.interactions : [];
  var attempt = (stored ? stored.attempt : 0) + (resuming ? 0 : 1);
  var state = "not-initialized"; // "running", "terminated"
  var lastError = "0";
  var exitValue = null;

  function defaultStatus() { return version === "1.2" ? "not attempted" : "unknown"; }

  function committedRecord() {
    return { attempt: attempt, exit: exitValue, data: data, interactions: interactions, committedAt: Date.now() };
  }

  // ---- SCORM 1.2 ----------------------------------------------------------------------------
  var E12 = { none: "0", general: "101", argument: "201", noChildren: "202", notArray: "203", notInitialized: "301", notImplemented: "401", keyword: "402", readOnly: "403", writeOnly: "404", type: "405" };
  var statusVocabulary12 = ["passed", "completed", "failed", "incomplete", "browsed"];
  var exitVocabulary12 = ["time-out", "suspend", "logout", ""];
  var interactionTypes12 = ["true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"];
  var results12 = ["correct", "wrong", "unanticipated", "neutral"];

  function get12(element) {
    switch (element) {
      case "cmi.core._children": return { value: "student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time" };
      case "cmi.core.student_id": return { value: "learner-1" };
      case "cmi.core.student_name": return { value: "Learner, Test" };
      case "cmi.core.lesson_location": return { value: data.location || "" };
      case "cmi.core.credit": return { value: "credit" };
      case "cmi.core.lesson_status": return { value: data.status || defaultStatus() };
      case "cmi.core.entry": return { value: resuming ? "resume" : "ab-initio" };
      case "cmi.core.score._children": return { value: "raw,min,max" };
      case "cmi.core.score.raw": return { value: data.scoreRaw || "" };
      case "cmi.core.score.min": return { value: data.scoreMin || "" };
      case "cmi.core.score.max": return { value: data.scoreMax || "" };
      case "cmi.core.total_time": return { value: "0000:00:00.00" };
      case "cmi.core.lesson_mode": return { value: "normal" };
      case "cmi.core.exit": case "cmi.core.session_time": return { error: E12.writeOnly };
      case "cmi.suspend_data": return { value: data.suspend || "" };
      case "cmi.launch_data": return { value: "" };
      case "cmi.comments": return { value: data.comments || "" };
      case "cmi.interactions._children": return { value: "id,objectives,time,type,correct_responses,weighting,student_response,result,latency" };
      case "cmi.interactions._count": return { value: String(interactions.length) };
    }
    var match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (match) {
      if (match[2] === "correct_responses._count") {
        var record = interactions[parseInt(match[1], 10)];
        return record ? { value: String((record.correct || []).length) } : { error: E12.argument };
      }
      if (match[2] === "objectives._count") return { value: "0" };
      return { error: E12.writeOnly };
    }
    if (/\._children$|\._count$/.test(element)) return { error: E12.noChildren };
    return { error: E12.argument };
  }

  function set12(element, value) {
    switch (element) {
      case "cmi.core.lesson_status":
        if (statusVocabulary12.indexOf(value) === -1) return E12.type;
        data.status = value; return E12.none;
      case "cmi.core.exit":
        if (exitVocabulary12.indexOf(value) === -1) return E12.type;
        exitValue = value; return E12.none;
      case "cmi.core.session_time":
        if (!validTimespan12(value)) return E12.type;
        data.sessionTime = value; return E12.none;
      case "cmi.core.lesson_location":
        if (value.length > 255) return E12.type;
        data.location = value; return E12.none;
      case "cmi.core.score.raw": case "cmi.core.score.min": case "cmi.core.score.max":
        if (value !== "" && (!formats.decimal.test(value) || parseFloat(value) < 0 || parseFloat(value) > 100)) return E12.type;
        data["score" + element.split(".").pop().replace(/^./, function (c) { return c.toUpperCase(); })] = value; return E12.none;
      case "cmi.suspend_data":
        if (value.length > 4096) return E12.type;
        data.suspend = value; return E12.none;
      case "cmi.comments":
        if (value.length > 4096) return E12.type;
        data.comments = value; return E12.none;
      case "cmi.core.student_id": case "cmi.core.student_name": case "cmi.core.credit": case "cmi.core.entry":
      case "cmi.core.total_time": case "cmi.core.lesson_mode": case "cmi.launch_data": case "cmi.interactions._count":
      case "cmi.core._children": case "cmi.core.score._children": case "cmi.interactions._children":
        return E12.readOnly;
    }
    var match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (!match) return /^cmi\.completion_status|^cmi\.success_status|^cmi\.exit|^cmi\.session_time|^cmi\.score\.scaled/.test(element) ? E12.argument : E12.argument;
    var index = parseInt(match[1], 10);
    if (index > interactions.length) return E12.argument;
    var field = match[2];
    if (index === interactions.length) {
      if (field !== "id") return E12.argument; // a new record starts with its id
      interactions.push({});
    }
    var record = interactions[index];
    var pattern = /^correct_responses\.(\d+)\.pattern$/.exec(field);
    if (pattern) {
      record.correct = record.correct || [];
      if (parseInt(pattern[1], 10) > record.correct.length) return E12.argument;
      if (value.length > 255) return E12.type;
      record.correct[parseInt(pattern[1], 10)] = value;
      return E12.none;
    }
    switch (field) {
      case "id": if (!formats.identifier12.test(value)) return E12.type; record.id = value; return E12.none;
      case "type": if (interactionTypes12.indexOf(value) === -1) return E12.type; record.type = value; return E12.none;
      case "time": if (!formats.time12.test(value)) return E12.type; record.time = value; return E12.none;
      case "weighting": if (!formats.decimal.test(value)) return E12.type; record.weighting = value; return E12.none;
      case "latency": if (!validTimespan12(value)) return E12.type; record.latency = value; return E12.none;
      case "result":
        if (results12.indexOf(value) === -1 && !formats.decimal.test(value)) return E12.type;
        record.result = value; return E12.none;
      case "student_response":
        if (value.length > 255) return E12.type;
        if (record.type === "matching" && !validMatching12(value)) return E12.type;
        if (record.type === "choice" && !validChoice12(value)) return E12.type;
        record.response = value; return E12.none;
      case "correct_responses._count": case "objectives._count": return E12.readOnly;
    }
    return E12.argument;
  }

  // ---- SCORM 2004 ---------------------------------------------------------------------------
  var E04 = {
    none: "0", general: "101", alreadyInitialized: "103", terminated: "104", terminateBeforeInit: "112", terminateAfterTerminate: "113",
    getBeforeInit: "122", getAfterTerminate: "123", setBeforeInit: "132", setAfterTerminate: "133", commitBeforeInit: "142", commitAfterTerminate: "143",
    argument: "201", undefinedElement: "401", notInitialized: "403", readOnly: "404", writeOnly: "405", typeMismatch: "406", outOfRange: "407", dependency: "408"
  };
  var completionVocabulary = ["completed", "incomplete", "not attempted", "unknown"];
  var successVocabulary = ["passed", "failed", "unknown"];
  var exitVocabulary2004 = ["time-out", "suspend", "logout", "normal", ""];
  var interactionTypes2004 = ["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"];
  var results2004 = ["correct", "incorrect", "unanticipated", "neutral"];

  // Navigation (SCORM 2004 4th Ed., adl.nav): the SCOs the LMS can launch by choice are the package's
  // Thing pages beside this one (items "item-<thing id>"); window.lmsNavigable lists them when a host
  // page knows (the inspector); otherwise every "item-…" target is taken as valid.
  var navRequest = "_none_";
  function choiceValid(target) {
    return !window.lmsNavigable || window.lmsNavigable.indexOf(target) !== -1;
  }

  function get2004(element) {
    var choice = /^adl\.nav\.request_valid\.choice\.\{target=([^}]+)\}$/.exec(element);
    if (choice) return { value: /^item-[\w.-]+$/.test(choice[1]) && choiceValid(choice[1]) ? "true" : "false" };
    if (element === "adl.nav.request") return { value: navRequest };
    switch (element) {
      case "cmi._version": return { value: "1.0" };
      case "cmi.learner_id": return { value: "learner-1" };
      case "cmi.learner_name": return { value: "Learner, Test" };
      case "cmi.completion_status": return { value: data.completion || "unknown" };
      case "cmi.success_status": return { value: data.success || "unknown" };
      case "cmi.entry": return { value: resuming ? "resume" : "ab-initio" };
      case "cmi.mode": return { value: "normal" };
      case "cmi.credit": return { value: "credit" };
      case "cmi.exit": case "cmi.session_time": return { error: E04.writeOnly };
      case "cmi.suspend_data": return data.suspend === undefined ? { error: E04.notInitialized } : { value: data.suspend };
      case "cmi.location": return data.location === undefined ? { error: E04.notInitialized } : { value: data.location };
      case "cmi.score.scaled": case "cmi.score.raw": case "cmi.score.min": case "cmi.score.max":
        var key = element.split(".").pop();
        return data.score && data.score[key] !== undefined ? { value: data.score[key] } : { error: E04.notInitialized };
      case "cmi.total_time": return { value: "PT0S" };
      case "cmi.interactions._children": return { value: "id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description" };
      case "cmi.interactions._count": return { value: String(interactions.length) };
    }
    var match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (match) {
      var record = interactions[parseInt(match[1], 10)];
      if (!record) return { error: E04.outOfRange };
      var field = match[2];
      if (field === "correct_responses._count") return { value: String((record.correct || []).length) };
      if (field === "objectives._count") return { value: "0" };
      var correctMatch = /^correct_responses\.(\d+)\.pattern$/.exec(field);
      if (correctMatch) {
        var pattern = (record.correct || [])[parseInt(correctMatch[1], 10)];
        return pattern === undefined ? { error: E04.outOfRange } : { value: pattern };
      }
      var names = { id: "id", type: "type", timestamp: "timestamp", learner_response: "response", result: "result", description: "description", weighting: "weighting", latency: "latency" };
      if (!names[field]) return { error: E04.undefinedElement };
      return record[names[field]] === undefined ? { error: E04.notInitialized } : { value: record[names[field]] };
    }
    return { error: E04.undefinedElement };
  }

  function set2004(element, value) {
    if (element === "adl.nav.request") {
      if (!/^(\{target=[^}]+\}(choice|jump)|continue|previous|exit|exitAll|abandon|abandonAll|suspendAll|_none_)$/.test(value)) {
        return E04.typeMismatch;
      }
      navRequest = value;
      return E04.none;
    }
    switch (element) {
      case "cmi.completion_status":
        if (completionVocabulary.indexOf(value) === -1) return E04.typeMismatch;
        data.completion = value; return E04.none;
      case "cmi.success_status":
        if (successVocabulary.indexOf(value) === -1) return E04.typeMismatch;
        data.success = value; return E04.none;
      case "cmi.exit":
        if (exitVocabulary2004.indexOf(value) === -1) return E04.typeMismatch;
        exitValue = value; return E04.none;
      case "cmi.session_time":
        if (!formats.duration2004.test(value)) return E04.typeMismatch;
        data.sessionTime = value; return E04.none;
      case "cmi.suspend_data":
        if (value.length > 64000) return E04.typeMismatch;
        data.suspend = value; return E04.none;
      case "cmi.location":
        if (value.length > 1000) return E04.typeMismatch;
        data.location = value; return E04.none;
      case "cmi.score.scaled":
        if (!formats.decimal.test(value)) return E04.typeMismatch;
        if (parseFloat(value) < -1 || parseFloat(value) > 1) return E04.outOfRange;
        data.score = data.score || {}; data.score.scaled = value; return E04.none;
      case "cmi.score.raw": case "cmi.score.min": case "cmi.score.max":
        if (!formats.decimal.test(value)) return E04.typeMismatch;
        data.score = data.score || {}; data.score[element.split(".").pop()] = value; return E04.none;
      case "cmi._version": case "cmi.learner_id": case "cmi.learner_name": case "cmi.entry": case "cmi.mode": case "cmi.credit":
      case "cmi.total_time": case "cmi.interactions._count": case "cmi.interactions._children":
        return E04.readOnly;
    }
    var match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (!match) return E04.undefinedElement;
    var index = parseInt(match[1], 10);
    if (index > interactions.length) return E04.outOfRange;
    var field = match[2];
    if (index === interactions.length) {
      if (field !== "id") return E04.dependency;
      interactions.push({});
    }
    var record = interactions[index];
    var patternMatch = /^correct_responses\.(\d+)\.pattern$/.exec(field);
    if (patternMatch) {
      if (record.type === undefined) return E04.dependency;
      record.correct = record.correct || [];
      var position = parseInt(patternMatch[1], 10);
      if (position > record.correct.length) return E04.outOfRange;
      if (!checkResponse(record.type, value)) return E04.typeMismatch;
      record.correct[position] = value;
      return E04.none;
    }
    switch (field) {
      case "id":
        if (!formats.longIdentifier.test(value) || !formats.interactionIdentifier.test(value)) return E04.typeMismatch;
        record.id = value; return E04.none;
      case "type":
        if (record.id === undefined) return E04.dependency;
        if (interactionTypes2004.indexOf(value) === -1) return E04.typeMismatch;
        record.type = value; return E04.none;
      case "timestamp":
        if (record.id === undefined) return E04.dependency;
        if (!validTime2004(value)) return E04.typeMismatch;
        record.timestamp = value; return E04.none;
      case "description":
        if (record.id === undefined) return E04.dependency;
        if (value.length > 250) return E04.typeMismatch;
        record.description = value; return E04.none;
      case "learner_response":
        if (record.type === undefined) return E04.dependency;
        if (!checkResponse(record.type, value)) return E04.typeMismatch;
        record.response = value; return E04.none;
      case "result":
        if (record.id === undefined) return E04.dependency;
        if (results2004.indexOf(value) === -1 && !formats.decimal.test(value)) return E04.typeMismatch;
        record.result = value; return E04.none;
      case "weighting":
        if (!formats.decimal.test(value)) return E04.typeMismatch;
        record.weighting = value; return E04.none;
      case "latency":
        if (!formats.duration2004.test(value)) return E04.typeMismatch;
        record.latency = value; return E04.none;
      case "correct_responses._count": case "objectives._count":
        return E04.readOnly;
    }
    return E04.undefinedElement;
  }

  function checkResponse(type, value) {
    switch (type) {
      case "matching": return validMatching2004(value);
      case "choice": return validChoice2004(value);
      case "long-fill-in":
        // A leading "{" must open a language tag; the text is one line.
        if (/^\{/.test(value) && !/^\{lang=[a-zA-Z]{2,3}(-[a-zA-Z0-9-]{2,8})?\}/.test(value)) return false;
        return formats.oneLine.test(value) && value.replace(/^\{lang=[^}]*\}/, "").length <= 4000;
      case "fill-in":
        return formats.oneLine.test(value) && value.split("[,]").every(function (part) { return part.length <= 250; });
      default: return value.length <= 4000;
    }
  }

  // ---- the API objects -------------------------------------------------------------------------
  function record(method, element, value, result) {
    log.push({ method: method, element: element, value: value, result: result, error: lastError, at: Date.now() });
    return result;
  }

  function commit() {
    saveStore(committedRecord());
  }

  var api12 = {
    LMSInitialize: function (argument) {
      if (argument !== "") { lastError = E12.argument; return record("LMSInitialize", null, argument, "false"); }
      if (state !== "not-initialized") { lastError = E12.general; return record("LMSInitialize", null, argument, "false"); }
      state = "running"; lastError = E12.none;
      return record("LMSInitialize", null, argument, "true");
    },
    LMSFinish: function (argument) {
      if (state !== "running") { lastError = E12.notInitialized; return record("LMSFinish", null, argument, "false"); }
      state = "terminated"; lastError = E12.none; commit();
      return record("LMSFinish", null, argument, "true");
    },
    LMSGetValue: function (element) {
      if (state !== "running") { lastError = E12.notInitialized; return record("LMSGetValue", element, null, ""); }
      var answer = get12(String(element));
      lastError = answer.error || E12.none;
      return record("LMSGetValue", element, null, answer.error ? "" : answer.value);
    },
    LMSSetValue: function (element, value) {
      if (state !== "running") { lastError = E12.notInitialized; return record("LMSSetValue", element, value, "false"); }
      if (typeof value !== "string") { lastError = E12.type; return record("LMSSetValue", element, value, "false"); }
      lastError = set12(String(element), value);
      return record("LMSSetValue", element, value, lastError === E12.none ? "true" : "false");
    },
    LMSCommit: function (argument) {
      if (state !== "running") { lastError = E12.notInitialized; return record("LMSCommit", null, argument, "false"); }
      lastError = E12.none; commit();
      return record("LMSCommit", null, argument, "true");
    },
    LMSGetLastError: function () { return lastError; },
    LMSGetErrorString: function (code) { return "error " + code; },
    LMSGetDiagnostic: function (code) { return "diagnostic " + code; }
  };

  var api2004 = {
    Initialize: function (argument) {
      if (argument !== "") { lastError = E04.argument; return record("Initialize", null, argument, "false"); }
      if (state === "running") { lastError = E04.alreadyInitialized; return record("Initialize", null, argument, "false"); }
      if (state === "terminated") { lastError = E04.terminated; return record("Initialize", null, argument, "false"); }
      state = "running"; lastError = E04.none;
      return record("Initialize", null, argument, "true");
    },
    Terminate: function (argument) {
      if (state === "not-initialized") { lastError = E04.terminateBeforeInit; return record("Terminate", null, argument, "false"); }
      if (state === "terminated") { lastError = E04.terminateAfterTerminate; return record("Terminate", null, argument, "false"); }
      state = "terminated"; lastError = E04.none; commit();
      var result = record("Terminate", null, argument, "true");
      // After Terminate the LMS carries out a pending navigation request, as a real one does.
      var target = /^\{target=([^}]+)\}choice$/.exec(navRequest);
      if (target && typeof window.lmsLaunch === "function") window.setTimeout(function () { window.lmsLaunch(target[1]); }, 0);
      return result;
    },
    GetValue: function (element) {
      if (state === "not-initialized") { lastError = E04.getBeforeInit; return record("GetValue", element, null, ""); }
      if (state === "terminated") { lastError = E04.getAfterTerminate; return record("GetValue", element, null, ""); }
      var answer = get2004(String(element));
      lastError = answer.error || E04.none;
      return record("GetValue", element, null, answer.error ? "" : answer.value);
    },
    SetValue: function (element, value) {
      if (state === "not-initialized") { lastError = E04.setBeforeInit; return record("SetValue", element, value, "false"); }
      if (state === "terminated") { lastError = E04.setAfterTerminate; return record("SetValue", element, value, "false"); }
      if (typeof value !== "string") { lastError = E04.typeMismatch; return record("SetValue", element, value, "false"); }
      lastError = set2004(String(element), value);
      return record("SetValue", element, value, lastError === E04.none ? "true" : "false");
    },
    Commit: function (argument) {
      if (state === "not-initialized") { lastError = E04.commitBeforeInit; return record("Commit", null, argument, "false"); }
      if (state === "terminated") { lastError = E04.commitAfterTerminate; return record("Commit", null, argument, "false"); }
      lastError = E04.none; commit();
      return record("Commit", null, argument, "true");
    },
    GetLastError: function () { return lastError; },
    GetErrorString: function (code) { return "error " + code; },
    GetDiagnostic: function (code) { return "diagnostic " + code; }
  };

  if (version === "1.2") window.API = api12; else window.API_1484_11 = api2004;

  /* What the tests read: the committed record, the live data, and the attempt's facts. */
  window.lmsState = function () {
    return { version: version, state: state, attempt: attempt, resuming: resuming, exit: exitValue, data: data, interactions: interactions, committed: loadStore() };
  };
})();
