// Runs the page script's own state codec (scorm-runtime.js) on the worst case each Thing allows:
// every item sorted and checked, every quiz option chosen, every flag set, and a 4000-word
// reflection full of characters that JSON must escape. Prints one JSON result per Thing.
// Usage: node suspend-worst-case.js <scorm-runtime.js> <limit> <config.json>...
"use strict";
const fs = require("fs");
const [codecPath, limitText, ...configPaths] = process.argv.slice(2);
const codec = require(codecPath);
const limit = Number(limitText);

function statement(words) {
  const pieces = ["naïve", "“quoted”", "\"escaped\"", "back\\slash", "tab\there", "line\nbreak", "émigré", "😀", "plain"];
  const out = [];
  for (let i = 0; i < words; i++) out.push(pieces[i % pieces.length]);
  return out.join(" ");
}

function worstState(config, words) {
  const state = { v: 1, a: {} };
  config.activities.forEach((activity, index) => {
    switch (activity.kind) {
      case "classification":
        state.a[index] = { p: activity.items.map((_, i) => "0123456789abcdefghijklmnopqrstuvwxyz".charAt(activity.categories.length - 1)).join(""), k: 1 };
        break;
      case "reflection":
        state.a[index] = { t: statement(words), s: 1 };
        break;
      case "quiz":
        state.a[index] = { r: activity.questions.map((q) => Array.from({ length: q.optionCount }, (_, i) => i).join(".")), k: 1, c: activity.questions.length };
        break;
      default:
        state.a[index] = { d: 1 };
    }
  });
  return state;
}

const results = configPaths.map((path) => {
  const config = JSON.parse(fs.readFileSync(path, "utf8"));
  const worst = codec.fit(worstState(config, 4000), limit);
  const empty = codec.fit(worstState(config, 0), limit);
  const typical = codec.fit(worstState(config, 400), limit);
  const reflections = config.activities.map((a, i) => (a.kind === "reflection" ? i : -1)).filter((i) => i >= 0);
  return {
    thing: config.thingId,
    worstLength: worst ? worst.text.length : null,
    worstDecodes: worst ? codec.decode(worst.text) !== null : false,
    worstTruncated: worst ? worst.truncated : null,
    reflections,
    fixedLength: empty ? empty.text.length : null,
    typicalTruncated: typical ? typical.truncated.length > 0 : null,
  };
});
process.stdout.write(JSON.stringify(results));
