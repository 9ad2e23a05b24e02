// Parses a Slack app manifest (YAML) strictly and prints it as JSON, so that tests can check what it declares.
'use strict';
const fs = require('node:fs');
const YAML = require('yaml');

const doc = YAML.parseDocument(fs.readFileSync(process.argv[2], 'utf8'), { strict: true, uniqueKeys: true });
if (doc.errors.length > 0) {
  process.stderr.write(doc.errors.map((e) => e.message).join('\n'));
  process.exit(1);
}
process.stdout.write(JSON.stringify(doc.toJS()));
