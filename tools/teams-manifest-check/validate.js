#!/usr/bin/env node
// Validates a Teams app manifest.json against the JSON schema of its manifestVersion (draft-04), using the schema
// files bundled in @microsoft/app-manifest, so nothing is fetched. Usage: node validate.js <manifest.json>
// Exit code 0 = valid, 1 = invalid (errors listed), 2 = usage or unknown manifest version.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.js <manifest.json>");
  process.exit(2);
}

const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
const schemaPath = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build", "json-schemas", "teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
if (!fs.existsSync(schemaPath)) {
  console.error(`no bundled schema for manifestVersion ${manifest.manifestVersion}`);
  process.exit(2);
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
if (validate(manifest)) {
  console.log(`valid against Teams manifest schema v${manifest.manifestVersion}`);
  process.exit(0);
}
for (const error of validate.errors) {
  console.log(`${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
}
console.log(`${validate.errors.length} schema error(s) against Teams manifest schema v${manifest.manifestVersion}`);
process.exit(1);
