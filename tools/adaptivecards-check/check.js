#!/usr/bin/env node
// Parses Adaptive Card JSON files with the official `adaptivecards` library (the UMD bundle: it needs no DOM to
// parse and validate) and fails on any parse event, validation event, or property the library did not recognise.
// Usage: node check.js <file-or-directory>...   Exit code 0 = every card clean, 1 = problems (listed), 2 = usage.
"use strict";
const fs = require("fs");
const path = require("path");
const AC = require("adaptivecards/dist/adaptivecards.js");

function files(args) {
  return args.flatMap(a => fs.statSync(a).isDirectory()
    ? fs.readdirSync(a).filter(f => f.endsWith(".json")).sort().map(f => path.join(a, f))
    : [a]);
}

// Properties whose value equals the library default are left out of toJSON(); anything else missing from the
// round trip was not understood by the parser (a misspelt or unsupported property).
function isDefaultValue(value) {
  return value === false || value === "default" || value === "auto" || value === "Default" || value === null
    || (Array.isArray(value) && value.length === 0);
}

function unrecognised(input, output, where, problems, version) {
  if (Array.isArray(input)) {
    input.forEach((item, i) => unrecognised(item, Array.isArray(output) ? output[i] : undefined, `${where}[${i}]`, problems, version));
    return;
  }
  if (input === null || typeof input !== "object") {
    return;
  }
  for (const [key, value] of Object.entries(input)) {
    if (key === "$schema" || (where.endsWith(".data") || key === "data")) {
      continue;
    }
    if (key === "fallback" && typeof value === "object") {
      // The parser reads `fallback` only when the primary is not supported and never writes it back out:
      // check it as a card of its own instead.
      const isAction = /\.actions\[\d+\]$/.test(where);
      const probe = { type: "AdaptiveCard", version, [isAction ? "actions" : "body"]: [value] };
      problems.push(...checkCard(probe).map(p => `${where}.fallback: ${p}`));
      continue;
    }
    if (output === undefined || output === null || !(key in output)) {
      if (!isDefaultValue(value)) {
        problems.push(`${where}.${key}: property not recognised by the Adaptive Cards parser`);
      }
      continue;
    }
    unrecognised(value, output[key], `${where}.${key}`, problems, version);
  }
}

function check(file) {
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return [`not JSON: ${e.message}`];
  }
  return checkCard(json);
}

function checkCard(json) {
  const problems = [];
  const version = AC.Version.parse(json.version || "1.5", new AC.SerializationContext()) || AC.Versions.latest;
  const context = new AC.SerializationContext(version);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const roundTrip = card.toJSON(new AC.SerializationContext(version));
  unrecognised(json, roundTrip, "card", problems, json.version || "1.5");
  return problems;
}

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error("usage: node check.js <card.json|directory>...");
  process.exit(2);
}

let failed = 0;
let checked = 0;
for (const file of files(args)) {
  checked++;
  const problems = check(file);
  if (problems.length > 0) {
    failed++;
    console.log(`FAIL ${file}`);
    for (const p of problems) {
      console.log(`  ${p}`);
    }
  } else {
    console.log(`ok   ${file}`);
  }
}
console.log(`${checked} card(s) checked, ${failed} with problems (adaptivecards ${require("adaptivecards/package.json").version})`);
process.exit(failed > 0 ? 1 : 0);
