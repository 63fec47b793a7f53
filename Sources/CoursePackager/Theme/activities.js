/*
 * Course Toolkit activities: classification, reflection, evidence, quiz, explore, scenario, sequence and
 * reveal, in plain
 * JavaScript. Every control works by keyboard; progress is saved as the learner works through
 * CourseToolkitRuntime (scorm-runtime.js), which talks to the LMS or to this browser's storage.
 */
(function () {
  "use strict";

  var runtime = window.CourseToolkitRuntime;
  if (!runtime) return;
  // cmi5 reads the saved progress from the LMS before the page may restore it.
  runtime.whenReady(start);

  function start() {
    var config = runtime.config;
    var SINGLE = "0123456789abcdefghijklmnopqrstuvwxyz";

    var state = runtime.restore() || { v: 1, a: {} };
    if (!state.a) state.a = {};
    var controllers = [];
    var saveTimer = null;
    var lastSave = { truncated: [] };

    function $(root, role) { return root.querySelector('[data-role="' + role + '"]'); }
    function $all(root, role) { return Array.prototype.slice.call(root.querySelectorAll('[data-role="' + role + '"]')); }

    function activityState(index) {
      var key = String(index);
      if (!state.a[key] || typeof state.a[key] !== "object") state.a[key] = {};
      return state.a[key];
    }

    function say(root, text, isError) {
      var message = $(root, "message");
      if (!message) return;
      message.textContent = text;
      message.classList.toggle("is-error", Boolean(isError));
    }

    function countWords(text) {
      var trimmed = (text || "").trim();
      return trimmed ? trimmed.split(/\s+/).length : 0;
    }

    function persist() {
      if (saveTimer) { window.clearTimeout(saveTimer); saveTimer = null; }
      lastSave = runtime.save(state);
      controllers.forEach(function (controller) { if (controller.afterSave) controller.afterSave(lastSave); });
      updateProgress();
    }

    function persistSoon() {
      if (saveTimer) window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(persist, 600);
    }

    function download(filename, text) {
      var blob = new Blob([text], { type: "text/plain;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }

    function copyText(text, fallbackField) {
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return copyByCommand(text, fallbackField); });
      }
      return Promise.resolve(copyByCommand(text, fallbackField));
    }

    function copyByCommand(text, field) {
      var area = field || document.createElement("textarea");
      if (!field) { area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0"; document.body.appendChild(area); }
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      if (!field) area.remove(); else { area.setSelectionRange(area.value.length, area.value.length); }
      return copied;
    }

    function statementFile(activity) {
      return config.thingId + "-" + activity.id + ".txt";
    }

    function statementText(activity, text) {
      return config.title + " – " + activity.title + "\n\n" + text.trim() + "\n";
    }

    // ---- Classification ---------------------------------------------------------------------

    function classification(activity, index, root, saved) {
      var items = Array.prototype.slice.call(root.querySelectorAll(".sort-item"));
      var pool = $(root, "pool");
      var zones = $all(root, "zone");
      var placement = [];
      var single = activity.items.length <= SINGLE.length && activity.categories.length <= SINGLE.length;

      function encodePlacement() {
        return placement.map(function (value) { return value === null ? "-" : SINGLE.charAt(value); }).join("");
      }

      function showFeedback(show) {
        items.forEach(function (item, itemIndex) {
          var feedback = $(item, "feedback");
          var verdict = $(item, "verdict");
          if (!show || placement[itemIndex] === null) { feedback.hidden = true; return; }
          var right = placement[itemIndex] === activity.answers[itemIndex];
          var expected = activity.categories[activity.answers[itemIndex]];
          var label = root.querySelector('option[value="' + activity.answers[itemIndex] + '"]');
          verdict.textContent = right ? "Correct." : "Not quite: we would put this under " + (label ? label.textContent : expected) + ".";
          feedback.classList.toggle("is-correct", right);
          feedback.classList.toggle("is-wrong", !right);
          feedback.hidden = false;
        });
      }

      /* Zones with no item collapse (the "still to sort" zone disappears once everything is sorted). */
      function markEmptyZones() {
        [pool].concat(zones).forEach(function (list) {
          var zone = list.closest(".sort-zone");
          if (zone) zone.classList.toggle("is-empty", list.children.length === 0);
        });
      }

      function place(itemIndex, category, options) {
        placement[itemIndex] = category;
        var item = items[itemIndex];
        var select = item.querySelector("select");
        var hadFocus = document.activeElement === select;
        select.value = category === null ? "" : String(category);
        var target = category === null ? pool : zones[category];
        if (item.parentNode !== target) target.appendChild(item);
        markEmptyZones();
        if (hadFocus) select.focus();
        if (!options || !options.restoring) {
          if (saved.k) { saved.k = 0; showFeedback(false); say(root, ""); }
          saved.p = encodePlacement();
          persist();
        }
      }

      function check() {
        var unsorted = placement.filter(function (value) { return value === null; }).length;
        if (unsorted) {
          say(root, "Sort every item first: " + unsorted + (unsorted === 1 ? " item is" : " items are") + " still to sort.", true);
          return;
        }
        var right = placement.filter(function (value, itemIndex) { return value === activity.answers[itemIndex]; }).length;
        saved.k = 1;
        saved.p = encodePlacement();
        showFeedback(true);
        say(root, "You sorted " + right + " of " + placement.length + " items as we would. Read the feedback under each item.");
        persist();
        runtime.recordInteraction({
          id: activity.id,
          type12: single ? "matching" : "performance",
          type2004: "matching",
          response12: single ? placement.map(function (value, itemIndex) { return SINGLE.charAt(itemIndex) + "." + SINGLE.charAt(value); }).join(",") : right + "/" + placement.length,
          pattern12: single ? activity.answers.map(function (value, itemIndex) { return SINGLE.charAt(itemIndex) + "." + SINGLE.charAt(value); }).join(",") : "",
          response2004: placement.map(function (value, itemIndex) { return activity.items[itemIndex] + "[.]" + activity.categories[value]; }).join("[,]"),
          pattern2004: activity.answers.map(function (value, itemIndex) { return activity.items[itemIndex] + "[.]" + activity.categories[value]; }).join("[,]"),
          result: right === placement.length ? "correct" : "wrong",
          description: activity.title
        });
      }

      items.forEach(function (item, itemIndex) {
        placement[itemIndex] = null;
        item.querySelector("select").addEventListener("change", function (event) {
          place(itemIndex, event.target.value === "" ? null : parseInt(event.target.value, 10));
        });
        item.addEventListener("dragstart", function (event) {
          event.dataTransfer.setData("text/plain", String(itemIndex));
          event.dataTransfer.effectAllowed = "move";
          item.classList.add("is-dragging");
        });
        item.addEventListener("dragend", function () { item.classList.remove("is-dragging"); });
      });

      Array.prototype.slice.call(root.querySelectorAll(".sort-zone")).forEach(function (zone) {
        var category = zone.getAttribute("data-zone") === "" ? null : parseInt(zone.getAttribute("data-zone"), 10);
        zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("is-target"); });
        zone.addEventListener("dragleave", function () { zone.classList.remove("is-target"); });
        zone.addEventListener("drop", function (event) {
          event.preventDefault();
          zone.classList.remove("is-target");
          var itemIndex = parseInt(event.dataTransfer.getData("text/plain"), 10);
          if (!isNaN(itemIndex) && items[itemIndex]) place(itemIndex, category);
        });
      });

      $(root, "check").addEventListener("click", check);
      $(root, "reset").addEventListener("click", function () {
        saved.k = 0;
        items.forEach(function (item, itemIndex) { place(itemIndex, null, { restoring: true }); });
        showFeedback(false);
        saved.p = encodePlacement();
        say(root, "All items are back in the list to sort.");
        persist();
      });

      if (typeof saved.p === "string") {
        saved.p.split("").forEach(function (character, itemIndex) {
          var category = SINGLE.indexOf(character);
          if (items[itemIndex] && category >= 0 && category < zones.length) place(itemIndex, category, { restoring: true });
        });
        if (saved.k && placement.indexOf(null) === -1) showFeedback(true); else saved.k = 0;
      }
      markEmptyZones();

      return { done: function () { return Boolean(saved.k); } };
    }

    // ---- Reflection ---------------------------------------------------------------------------

    function reflection(activity, index, root, saved) {
      var field = $(root, "text");
      var count = $(root, "count");
      var storage = $(root, "storage");
      var storageDefault = storage.textContent;

      function update() {
        var words = countWords(field.value);
        // Never "160 of 150 words": below the minimum it counts towards it, above it says it is met.
        count.textContent = words < activity.minWords
          ? words + (words === 1 ? " word" : " words") + " of the " + activity.minWords + " needed"
          : words + " words: at least " + activity.minWords + ", done";
        count.classList.toggle("is-enough", words >= activity.minWords);
        return words;
      }

      field.value = typeof saved.t === "string" ? saved.t : "";
      update();

      field.addEventListener("input", function () {
        var words = update();
        saved.t = field.value;
        if (saved.s && words < activity.minWords) {
          saved.s = 0;
          say(root, "Your statement is now under " + activity.minWords + " words, so this activity is no longer complete.", true);
        }
        persistSoon();
      });

      $(root, "save").addEventListener("click", function () {
        var words = update();
        saved.t = field.value;
        if (words < activity.minWords) {
          saved.s = 0;
          persist();
          say(root, "Your statement has " + words + (words === 1 ? " word" : " words") + ". Write at least " + activity.minWords + " words, then save again.", true);
          field.focus();
          return;
        }
        saved.s = 1;
        persist();
        say(root, "Saved: " + words + " words. This activity is complete.");
        runtime.recordInteraction({
          id: activity.id, type12: "fill-in", type2004: "long-fill-in",
          response12: words + " words", response2004: field.value.trim().slice(0, 4000),
          result: "neutral", description: activity.title
        });
      });

      $(root, "copy").addEventListener("click", function () {
        copyText(field.value, field).then(function (copied) {
          say(root, copied ? "Copied to the clipboard." : "Copying is blocked here: select the text and copy it yourself.", !copied);
        });
      });

      $(root, "download").addEventListener("click", function () {
        download(statementFile(activity), statementText(activity, field.value));
        say(root, "Downloaded " + statementFile(activity) + ".");
      });

      return {
        done: function () { return Boolean(saved.s) && countWords(saved.t) >= activity.minWords; },
        text: function () { return field.value; },
        afterSave: function (result) {
          if (result.truncated.indexOf(index) !== -1) {
            storage.textContent = "Your statement is longer than this learning system can store. The whole text is kept in this browser; download it as a text file to keep a copy safe.";
            storage.classList.add("is-wrong");
          } else if (runtime.mode === "local" && !result.keptLocally) {
            storage.textContent = "This browser does not allow saving here: download your statement before you leave the page.";
            storage.classList.add("is-wrong");
          } else {
            storage.textContent = storageDefault;
            storage.classList.remove("is-wrong");
          }
        }
      };
    }

    // ---- Evidence -----------------------------------------------------------------------------

    function evidence(activity, index, root, saved) {
      var submitted = $(root, "submitted");
      submitted.checked = Boolean(saved.d);
      submitted.addEventListener("change", function () {
        saved.d = submitted.checked ? 1 : 0;
        persist();
        say(root, submitted.checked ? "Noted: your application is on its way. Assessment can take up to 28 days." : "");
      });

      function sourceText() {
        for (var i = 0; i < config.activities.length; i++) {
          if (config.activities[i].id === activity.evidenceFrom && controllers[i] && controllers[i].text) {
            return { text: controllers[i].text(), activity: config.activities[i] };
          }
        }
        return null;
      }

      var copyButton = $(root, "copy-evidence");
      if (copyButton) {
        copyButton.addEventListener("click", function () {
          var source = sourceText();
          if (!source || !source.text.trim()) { say(root, "Write your reflective statement first.", true); return; }
          copyText(source.text).then(function (copied) {
            say(root, copied ? "Your statement is on the clipboard: paste it into the application form." : "Copying is blocked here: copy the statement from the reflection activity.", !copied);
          });
        });
      }
      var downloadButton = $(root, "download-evidence");
      if (downloadButton) {
        downloadButton.addEventListener("click", function () {
          var source = sourceText();
          if (!source || !source.text.trim()) { say(root, "Write your reflective statement first.", true); return; }
          download(statementFile(source.activity), statementText(source.activity, source.text));
          say(root, "Downloaded " + statementFile(source.activity) + ".");
        });
      }
      return { done: function () { return Boolean(saved.d); } };
    }

    // ---- Quiz -----------------------------------------------------------------------------------

    function quiz(activity, index, root, saved) {
      var fieldsets = Array.prototype.slice.call(root.querySelectorAll("fieldset.question"));

      function selections() {
        return fieldsets.map(function (fieldset) {
          return $all(fieldset, "option").filter(function (input) { return input.checked; }).map(function (input) { return parseInt(input.value, 10); });
        });
      }

      function isRight(chosen, questionIndex) {
        var question = activity.questions[questionIndex];
        return chosen[questionIndex].length === question.correct.length &&
          chosen[questionIndex].every(function (value) { return question.correct.indexOf(value) !== -1; });
      }

      function passed() { return Boolean(saved.k) && (saved.c || 0) / activity.questions.length >= activity.passingScore; }

      function attemptsLeft() {
        return activity.maxAttempts ? Math.max(0, activity.maxAttempts - (saved.a || 0)) : Infinity;
      }

      /* Whether the correct answers are shown now: after passing (the default), always, never, or after
       * `revealAfterAttempts` checks, or when no attempt is left. */
      function revealing() {
        if (activity.revealAnswers === "never") return false;
        if (activity.revealAnswers === "always") return Boolean(saved.k);
        return passed() || (activity.revealAfterAttempts && (saved.a || 0) >= activity.revealAfterAttempts) || attemptsLeft() === 0;
      }

      function answerText(fieldset, questionIndex) {
        return activity.questions[questionIndex].correct.map(function (value) {
          var input = fieldset.querySelector('input[value="' + value + '"]');
          return input && input.parentNode ? input.parentNode.textContent.trim() : "";
        }).join("; ");
      }

      function show(chosen) {
        var right = 0;
        var reveal = revealing();
        fieldsets.forEach(function (fieldset, questionIndex) {
          var correct = isRight(chosen, questionIndex);
          if (correct) right += 1;
          var feedback = $(fieldset, "question-feedback");
          feedback.textContent = correct ? "Correct." : (reveal ? "Not quite. The correct answer: " + answerText(fieldset, questionIndex) + "." : "Not quite.");
          feedback.className = "feedback " + (correct ? "is-correct" : "is-wrong");
          feedback.hidden = false;
          Array.prototype.slice.call(fieldset.querySelectorAll("[data-option-feedback]")).forEach(function (element) {
            element.hidden = chosen[questionIndex].indexOf(parseInt(element.getAttribute("data-option-feedback"), 10)) === -1;
          });
        });
        return right;
      }

      function resultText(right) {
        var total = activity.questions.length;
        var percent = Math.round(right / total * 100);
        var mark = Math.round(activity.passingScore * 100);
        var text = "You answered " + right + " of " + total + " correctly (" + percent + "%). ";
        if (passed()) return text + "You passed: the pass mark is " + mark + "%.";
        var left = attemptsLeft();
        if (left === 0) return text + "The pass mark is " + mark + "%, and no attempt is left.";
        return text + "The pass mark is " + mark + "%: change your answers and check again" +
          (left === Infinity ? "." : " (" + left + (left === 1 ? " attempt" : " attempts") + " left).");
      }

      function lockIfSpent() {
        var spent = attemptsLeft() === 0 && !passed();
        fieldsets.forEach(function (fieldset) { $all(fieldset, "option").forEach(function (input) { input.disabled = spent || passed(); }); });
        $(root, "check").disabled = spent || passed();
      }

      fieldsets.forEach(function (fieldset) {
        $all(fieldset, "option").forEach(function (input) {
          input.addEventListener("change", function () {
            saved.r = selections().map(function (values) { return values.join("."); });
            if (saved.k) { saved.k = 0; }
            persistSoon();
          });
        });
      });

      $(root, "check").addEventListener("click", function () {
        if (attemptsLeft() === 0 || passed()) return;
        var chosen = selections();
        var unanswered = chosen.filter(function (values) { return values.length === 0; }).length;
        if (unanswered) { say(root, "Answer every question first: " + unanswered + " still to answer.", true); return; }
        saved.r = chosen.map(function (values) { return values.join("."); });
        saved.k = 1;
        saved.a = (saved.a || 0) + 1;
        saved.c = chosen.filter(function (values, questionIndex) { return isRight(chosen, questionIndex); }).length;
        var right = show(chosen);
        say(root, resultText(right), !passed());
        lockIfSpent();
        persist();
        activity.questions.forEach(function (question, questionIndex) {
          runtime.recordInteraction({
            id: activity.id + "-" + question.id, type12: "choice", type2004: "choice",
            response12: chosen[questionIndex].map(function (value) { return SINGLE.charAt(value); }).join(","),
            pattern12: question.correct.map(function (value) { return SINGLE.charAt(value); }).join(","),
            response2004: chosen[questionIndex].map(function (value) { return "option-" + (value + 1); }).join("[,]"),
            pattern2004: question.correct.map(function (value) { return "option-" + (value + 1); }).join("[,]"),
            result: isRight(chosen, questionIndex) ? "correct" : "wrong",
            description: activity.title
          });
        });
      });

      if (Array.isArray(saved.r)) {
        saved.r.forEach(function (values, questionIndex) {
          if (!fieldsets[questionIndex] || typeof values !== "string") return;
          values.split(".").forEach(function (value) {
            var input = fieldsets[questionIndex].querySelector('input[value="' + parseInt(value, 10) + '"]');
            if (input) input.checked = true;
          });
        });
        if (saved.k) { show(selections()); say(root, resultText(saved.c || 0), !passed()); }
      }
      lockIfSpent();

      return {
        // A quiz counts as done once it is passed: a Thing completes only when its scored activities are passed.
        done: function () { return passed(); },
        attempted: function () { return Boolean(saved.a || saved.k); },
        score: function () { return saved.k ? (saved.c || 0) / activity.questions.length : null; },
        passingScore: activity.passingScore
      };
    }

    // ---- Explore --------------------------------------------------------------------------------

    function explore(activity, index, root, saved) {
      var button = $(root, "done");
      function render() {
        button.setAttribute("aria-pressed", saved.d ? "true" : "false");
        button.textContent = saved.d ? "Done" : "Mark as done";
      }
      button.addEventListener("click", function () {
        saved.d = saved.d ? 0 : 1;
        render();
        persist();
        say(root, saved.d ? "Marked as done." : "Marked as not done.");
      });
      render();
      return { done: function () { return Boolean(saved.d); } };
    }

    // ---- Scenario -------------------------------------------------------------------------------

    /* A branching situation. The path is saved as one character per choice (its index), so a
     * relaunch resumes at the same moment; `w` marks a choice whose feedback waits for "Continue",
     * `d` that an ending was reached, `b` the best share of the best path's points reached so far. */
    function scenario(activity, index, root, saved) {
      var sections = Array.prototype.slice.call(root.querySelectorAll(".scenario-node"));
      var pathList = $(root, "path");
      var feedback = $(root, "choice-feedback");
      var continueButton = $(root, "continue");
      var scored = typeof activity.bestPoints === "number" && activity.bestPoints > 0;
      var MAX_STEPS = 200;

      function choiceButton(nodeIndex, choiceIndex) {
        return sections[nodeIndex] ? sections[nodeIndex].querySelector('[data-choice="' + choiceIndex + '"]') : null;
      }

      /* Follows the saved path from the first moment: where it stands, what it earned, and each step. */
      function walk() {
        var node = 0, points = 0, steps = [];
        var path = typeof saved.p === "string" ? saved.p : "";
        for (var i = 0; i < path.length; i++) {
          var choices = activity.nodes[node] || [];
          var choice = SINGLE.indexOf(path.charAt(i));
          if (choice < 0 || choice >= choices.length || !activity.nodes[choices[choice][0]]) { saved.p = path.slice(0, i); break; }
          steps.push({ node: node, choice: choice });
          points += choices[choice][1] || 0;
          node = choices[choice][0];
        }
        return { node: node, points: points, steps: steps };
      }

      function isEnding(node) { return !activity.nodes[node] || activity.nodes[node].length === 0; }

      function share(points) { return scored ? Math.min(1, points / activity.bestPoints) : null; }

      function render() {
        var position = walk();
        var waiting = Boolean(saved.w) && position.steps.length > 0;
        var last = position.steps[position.steps.length - 1];
        var shown = waiting ? last.node : position.node;
        sections.forEach(function (section, sectionIndex) { section.hidden = sectionIndex !== shown; });
        // The learner's own count: the third moment they meet is "Moment 3", whichever it is in the file.
        var heading = sections[shown] ? sections[shown].querySelector("h4") : null;
        if (heading) heading.textContent = isEnding(shown) ? "The ending" : "Moment " + ((waiting ? position.steps.length - 1 : position.steps.length) + 1);
        Array.prototype.slice.call(root.querySelectorAll('[data-role="choose"]')).forEach(function (button) {
          var inShown = button.closest(".scenario-node") === sections[shown];
          var chosen = waiting && inShown && parseInt(button.getAttribute("data-choice"), 10) === last.choice;
          button.disabled = waiting;
          button.classList.toggle("is-chosen", chosen);
          if (chosen) button.setAttribute("aria-pressed", "true"); else button.removeAttribute("aria-pressed");
        });
        pathList.textContent = "";
        position.steps.forEach(function (step) {
          var item = document.createElement("li");
          var button = choiceButton(step.node, step.choice);
          item.textContent = "You chose “" + (button ? button.textContent.trim() : "") + "”";
          pathList.appendChild(item);
        });
        pathList.hidden = position.steps.length === 0;
        var text = waiting ? (choiceButton(last.node, last.choice) || {}).getAttribute("data-feedback") : null;
        feedback.textContent = text || "";
        feedback.hidden = !text;
        continueButton.hidden = !waiting;
        if (!waiting && isEnding(position.node)) {
          var value = share(position.points);
          var message = "You reached an ending.";
          if (value !== null) {
            message += " Your path earned " + position.points + " of the " + activity.bestPoints + " points of the best path (" + Math.round(value * 100) + "%).";
            if (typeof activity.passingScore === "number") {
              message += value >= activity.passingScore ? " That passes." : " To pass, it needs " + Math.round(activity.passingScore * 100) + "%: start again and try another way.";
            }
          }
          say(root, message + " Start again to explore another path.", value !== null && typeof activity.passingScore === "number" && value < activity.passingScore);
        } else {
          say(root, "");
        }
        return position;
      }

      /* Reaching an ending counts once, and the best share of points is kept across attempts. */
      function noteEnding(position) {
        if (!isEnding(position.node)) return;
        saved.d = 1;
        var value = share(position.points);
        if (value !== null && (typeof saved.b !== "number" || value > saved.b)) saved.b = value;
      }

      function focusShown() {
        var position = walk();
        var target = saved.w ? feedback : sections[position.node];
        if (target && !target.hidden) target.focus();
      }

      sections.forEach(function (section, nodeIndex) {
        Array.prototype.slice.call(section.querySelectorAll('[data-role="choose"]')).forEach(function (button) {
          button.addEventListener("click", function () {
            if (saved.w) return;
            var position = walk();
            if (position.node !== nodeIndex || position.steps.length >= MAX_STEPS) return;
            var choiceIndex = parseInt(button.getAttribute("data-choice"), 10);
            var choices = activity.nodes[nodeIndex] || [];
            if (!choices[choiceIndex]) return;
            saved.p = (saved.p || "") + SINGLE.charAt(choiceIndex);
            saved.w = button.hasAttribute("data-feedback") ? 1 : 0;
            var best = Math.max.apply(null, choices.map(function (choice) { return choice[1] || 0; }));
            var bestChoices = choices.map(function (choice, i) { return (choice[1] || 0) === best ? i : -1; }).filter(function (i) { return i >= 0; });
            var interaction = {
              id: activity.id + "-" + activity.nodeIds[nodeIndex], type12: "choice", type2004: "choice",
              response12: SINGLE.charAt(choiceIndex), response2004: "choice-" + (choiceIndex + 1),
              result: scored ? ((choices[choiceIndex][1] || 0) === best ? "correct" : "wrong") : "neutral",
              description: activity.title
            };
            if (scored) {
              interaction.pattern12 = SINGLE.charAt(bestChoices[0]);
              interaction.pattern2004 = "choice-" + (bestChoices[0] + 1);
            }
            runtime.recordInteraction(interaction);
            if (!saved.w) noteEnding(walk());
            persist();
            render();
            focusShown();
          });
        });
      });

      continueButton.addEventListener("click", function () {
        saved.w = 0;
        noteEnding(walk());
        persist();
        render();
        focusShown();
      });

      $(root, "restart").addEventListener("click", function () {
        saved.p = "";
        saved.w = 0;
        persist();
        render();
        focusShown();
        say(root, "Back at the start. Your earlier ending still counts.");
      });

      render();

      return {
        done: function () {
          if (scored && typeof activity.passingScore === "number") return typeof saved.b === "number" && saved.b >= activity.passingScore;
          return Boolean(saved.d);
        },
        attempted: function () { return Boolean(saved.p || saved.d); },
        // Points alone are feedback; with a pass mark the best path so far is the activity's score.
        score: scored && typeof activity.passingScore === "number" ? function () { return typeof saved.b === "number" ? saved.b : null; } : undefined,
        passingScore: activity.passingScore || 0
      };
    }

    // ---- Sequence -------------------------------------------------------------------------------

    /* Steps to put in order with "Move up" and "Move down" (no dragging, WCAG 2.2 2.5.7). The order is
     * saved as one character per step (its index in the right order); `k` marks a checked order. */
    function sequence(activity, index, root, saved) {
      var list = $(root, "list");
      var steps = Array.prototype.slice.call(list.querySelectorAll(".sequence-step"));
      var byIndex = {};
      steps.forEach(function (step) { byIndex[step.getAttribute("data-step")] = step; });
      var single = steps.length <= SINGLE.length;

      function order() {
        return Array.prototype.slice.call(list.children).map(function (step) { return parseInt(step.getAttribute("data-step"), 10); });
      }

      function showFeedback(show) {
        Array.prototype.slice.call(list.children).forEach(function (step, position) {
          var right = parseInt(step.getAttribute("data-step"), 10) === position;
          var feedback = $(step, "feedback");
          step.classList.toggle("is-correct", show && right);
          step.classList.toggle("is-wrong", show && !right);
          if (!show) { feedback.hidden = true; return; }
          $(step, "verdict").textContent = right ? "In the right place." : "Not here: this is step " + (parseInt(step.getAttribute("data-step"), 10) + 1) + ".";
          feedback.hidden = false;
        });
      }

      function arrange(indexes) {
        indexes.forEach(function (stepIndex) { if (byIndex[stepIndex]) list.appendChild(byIndex[stepIndex]); });
      }

      function save() {
        saved.o = order().map(function (value) { return SINGLE.charAt(value); }).join("");
      }

      function move(step, offset) {
        var position = Array.prototype.indexOf.call(list.children, step);
        var target = position + offset;
        if (target < 0 || target >= list.children.length) {
          say(root, "“" + step.querySelector(".step-text").textContent + "” is already " + (offset < 0 ? "first." : "last."));
          return;
        }
        if (offset < 0) list.insertBefore(step, list.children[target]); else list.insertBefore(step, list.children[target].nextSibling);
        if (saved.k && !saved.d) { saved.k = 0; showFeedback(false); }
        save();
        persist();
        say(root, "Moved “" + step.querySelector(".step-text").textContent + "” to position " + (target + 1) + " of " + list.children.length + ".");
      }

      steps.forEach(function (step) {
        $(step, "up").addEventListener("click", function (event) { move(step, -1); event.currentTarget.focus(); });
        $(step, "down").addEventListener("click", function (event) { move(step, 1); event.currentTarget.focus(); });
      });

      $(root, "check").addEventListener("click", function () {
        var current = order();
        var right = current.filter(function (value, position) { return value === position; }).length;
        saved.k = 1;
        if (right === current.length) saved.d = 1;
        save();
        showFeedback(true);
        say(root, right === current.length
          ? "All " + current.length + " steps are in the right order."
          : right + " of " + current.length + " steps are in the right place. Read the feedback, move the others and check again.", right !== current.length);
        persist();
        var identifiers = current.map(function (value) { return "step-" + (value + 1); });
        var rightIdentifiers = current.map(function (value, position) { return "step-" + (position + 1); });
        runtime.recordInteraction({
          id: activity.id, type12: single ? "sequencing" : "performance", type2004: "sequencing",
          response12: single ? current.map(function (value) { return SINGLE.charAt(value); }).join(",") : right + "/" + current.length,
          pattern12: single ? current.map(function (value, position) { return SINGLE.charAt(position); }).join(",") : "",
          response2004: identifiers.join("[,]"), pattern2004: rightIdentifiers.join("[,]"),
          result: right === current.length ? "correct" : "wrong", description: activity.title
        });
      });

      $(root, "reset").addEventListener("click", function () {
        arrange(activity.shown);
        saved.k = 0;
        showFeedback(false);
        save();
        persist();
        say(root, "The steps are back in their first order.");
      });

      arrange(typeof saved.o === "string" && saved.o.length === steps.length
        ? saved.o.split("").map(function (character) { return SINGLE.indexOf(character); })
        : activity.shown);
      if (saved.k) showFeedback(true);

      return { done: function () { return Boolean(saved.d); } };
    }

    // ---- Reveal ---------------------------------------------------------------------------------

    /* Cards to turn. `t` holds one character per card: "-" not turned, "t" turned, "k" knew it,
     * "n" not yet. Done once every card has been turned. */
    function reveal(activity, index, root, saved) {
      var cards = Array.prototype.slice.call(root.querySelectorAll(".reveal-card"));
      var marks = (typeof saved.t === "string" && saved.t.length === cards.length ? saved.t : new Array(cards.length + 1).join("-")).split("");

      function render(cardIndex) {
        var card = cards[cardIndex];
        var turned = marks[cardIndex] !== "-";
        var front = $(card, "turn");
        front.setAttribute("aria-expanded", turned ? "true" : "false");
        card.querySelector(".reveal-back").hidden = !turned;
        var knew = $(card, "knew"), notYet = $(card, "not-yet");
        if (knew) knew.setAttribute("aria-pressed", marks[cardIndex] === "k" ? "true" : "false");
        if (notYet) notYet.setAttribute("aria-pressed", marks[cardIndex] === "n" ? "true" : "false");
      }

      function turnedCount() { return marks.filter(function (mark) { return mark !== "-"; }).length; }

      function update(message) {
        saved.t = marks.join("");
        var wasDone = Boolean(saved.d);
        if (turnedCount() === cards.length) saved.d = 1;
        persist();
        if (saved.d && !wasDone) {
          var knewCount = marks.filter(function (mark) { return mark === "k"; }).length;
          runtime.recordInteraction({
            id: activity.id, type12: "performance", type2004: "other",
            response12: cards.length + " cards turned" + (activity.selfCheck ? ", " + knewCount + " known" : ""),
            response2004: cards.length + " cards turned" + (activity.selfCheck ? ", " + knewCount + " known" : ""),
            result: "neutral", description: activity.title
          });
        }
        say(root, message + (saved.d ? " You have turned every card." : " " + turnedCount() + " of " + cards.length + " cards turned."));
      }

      cards.forEach(function (card, cardIndex) {
        $(card, "turn").addEventListener("click", function () {
          marks[cardIndex] = marks[cardIndex] === "-" ? "t" : marks[cardIndex];
          var open = card.querySelector(".reveal-back").hidden;
          card.querySelector(".reveal-back").hidden = !open;
          $(card, "turn").setAttribute("aria-expanded", open ? "true" : "false");
          update(open ? "Turned." : "Turned back.");
        });
        var knew = $(card, "knew"), notYet = $(card, "not-yet");
        if (knew) knew.addEventListener("click", function () { marks[cardIndex] = "k"; render(cardIndex); update("Noted: you knew this one."); });
        if (notYet) notYet.addEventListener("click", function () { marks[cardIndex] = "n"; render(cardIndex); update("Noted: one to come back to."); });
        render(cardIndex);
      });

      return { done: function () { return Boolean(saved.d); } };
    }

    // ---- Progress -------------------------------------------------------------------------------

    var makers = {
      classification: classification, reflection: reflection, evidence: evidence, quiz: quiz, explore: explore,
      scenario: scenario, sequence: sequence, reveal: reveal
    };

    config.activities.forEach(function (activity, index) {
      var root = document.getElementById("activity-" + activity.id);
      var make = makers[activity.kind];
      controllers[index] = root && make ? make(activity, index, root, activityState(index)) : null;
    });

    var reported = null;

    function updateProgress() {
      var required = 0, done = 0, score = null, passed = true, scores = [];
      config.activities.forEach(function (activity, index) {
        var controller = controllers[index];
        var root = document.getElementById("activity-" + activity.id);
        var isDone = Boolean(controller && controller.done());
        if (root) {
          root.classList.toggle("is-done", isDone);
          var label = $(root, "state");
          if (label) label.textContent = isDone ? "Done." : (activity.required ? "Required to complete this Thing." : "Optional.");
        }
        if (controller && controller.score) {
          var value = controller.score();
          if (value !== null) {
            scores.push(value);
            if (value < (controller.passingScore || 0)) passed = false;
          }
        }
        if (!activity.required) return;
        required += 1;
        if (isDone) done += 1;
      });
      if (scores.length) score = scores.reduce(function (sum, value) { return sum + value; }, 0) / scores.length;
      var complete = required > 0 && done === required;
      var text = document.getElementById("progress-text");
      if (text) {
        text.textContent = complete
          ? "All required activities are done: you have completed this Thing."
          : done + " of " + required + " required activities done.";
      }
      var fill = document.getElementById("progress-fill");
      if (fill) fill.style.width = (required ? Math.round(done / required * 100) : 0) + "%";
      // What the course home shows for this Thing (the HTML site's index reads it).
      try {
        var started = Object.keys(state.a).some(function (key) {
          return state.a[key] && typeof state.a[key] === "object" && Object.keys(state.a[key]).length > 0;
        });
        window.localStorage.setItem(config.storageKey + ":status", complete ? "done" : (started ? "started" : ""));
      } catch (error) { /* no storage: the home page shows no status */ }
      var summary = JSON.stringify([complete, score, passed]);
      if (summary !== reported) {
        reported = summary;
        var progress = { done: complete };
        if (score !== null) { progress.score = score; progress.passed = passed; }
        runtime.setProgress(progress);
      }
    }

    var notice = document.getElementById("runtime-notice");
    if (notice) {
      notice.hidden = false;
      notice.textContent = runtime.mode === "local"
        ? "No learning management system was found, so your progress is kept only in this browser, on this device."
        : "Your progress is saved to your learning management system.";
    }

    // A long Thing gets a short contents list of its sections and its activities.
    (function buildContents() {
      var nav = document.getElementById("page-contents");
      var list = nav && nav.querySelector('[data-role="contents"]');
      if (!list) return;
      var headings = Array.prototype.slice.call(document.querySelectorAll(".thing-body h2"));
      var activities = document.getElementById("activities-heading");
      if (activities) headings.push(activities);
      if (headings.length < 4) return;
      headings.forEach(function (heading, index) {
        if (!heading.id) heading.id = "section-" + (index + 1);
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + heading.id;
        link.textContent = heading.textContent;
        item.appendChild(link);
        list.appendChild(item);
      });
      // Open beside a wide page; on a phone it stays a single line until asked for.
      var details = nav.querySelector('[data-role="contents-details"]');
      if (details && window.matchMedia && window.matchMedia("(min-width: 48rem)").matches) details.open = true;
      nav.hidden = false;
    })();

    // A printed page shows the details too.
    window.addEventListener("beforeprint", function () {
      Array.prototype.slice.call(document.querySelectorAll("details")).forEach(function (details) { details.open = true; });
    });

    // Work still waiting for its debounce is saved before the session ends.
    runtime.beforeFinish(function () { if (saveTimer) persist(); });

    updateProgress();
  }
})();
